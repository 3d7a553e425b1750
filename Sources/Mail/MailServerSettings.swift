public import Curl

/// How to reach one mail server (URL, user, password, CA file, TLS rule, timeouts), so callers
/// of Mail need not import the Curl module: the same type as `Curl.ConnectionSettings`.
public typealias MailServerSettings = ConnectionSettings

/// The transport error inside `MailError.transport` (login, TLS, connection), with its `kind`.
public typealias MailTransportError = CurlError
