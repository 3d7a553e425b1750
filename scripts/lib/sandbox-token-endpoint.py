#!/usr/bin/env python3
"""The mail sandbox's OAuth2 token endpoint: HTTPS on 127.0.0.1 only, started by
`scripts/mail-sandbox up`.

It behaves like the two token endpoints cpdbot meets in production, closely enough to test
against:
  - Microsoft Entra ID: client_credentials with a client secret (form body or HTTP Basic) or
    with a private-key JWT client assertion (RFC 7523 section 2.2), refusing the way Entra
    does (HTTP 401/400 with `error`, `error_description` "AADSTSnnnn: ...", `error_codes`);
  - Google: a service account's RS256 JWT exchanged with the jwt-bearer grant (RFC 7523
    section 2.1), `sub` naming the mailbox to impersonate.

The registered clients live in <oauth dir>/clients.json, read again at every request so that
a test can revoke a secret or shorten token lifetimes by rewriting the file. Access tokens
are RS256 JWTs that Dovecot's oauth2 passdb validates locally with the issuer's public key
(`email` is the mailbox, `sub`/`exp`/`iat`/`nbf`/`iss`/`aud`/`scope` are set).

The log has one line per request: time, client_id, grant, outcome. Never a secret, an
assertion or a token.

Subcommands: `serve` (the endpoint), `init` (keys, credentials and clients.json, made at the
first `up`), `client` (`mail-sandbox oauth-client`), `assertion` (signed JWTs for the selftest).
Only Debian's python3, python3-jwt and python3-cryptography are used.
"""

import argparse
import base64
import datetime
import hashlib
import http.server
import json
import os
import secrets
import signal
import ssl
import sys
import threading
import time
import urllib.parse

import jwt  # python3-jwt (PyJWT)
from cryptography import x509
from cryptography.hazmat.primitives import hashes, serialization
from cryptography.hazmat.primitives.asymmetric import rsa
from cryptography.x509.oid import NameOID

ISSUER_KEY_ID = "cpdbot-sandbox-1"
PROCESS_NAME = "cpdbot-token"  # /proc/PID/comm, which `mail-sandbox` checks before a signal
SECRET_CLIENT = "cpdbot-secret"
CERT_CLIENT = "cpdbot-cert"
SHORT_LIVED_CLIENT = "cpdbot-short-lived"
SERVICE_ACCOUNT_EMAIL = "cpdbot@kazguu-sandbox.iam.gserviceaccount.com"
SERVICE_ACCOUNT_CLIENT_ID = "104857600000000000001"
DEFAULT_LIFETIME = 3600
CLIENT_ASSERTION_TYPE = "urn:ietf:params:oauth:client-assertion-type:jwt-bearer"
JWT_BEARER_GRANT = "urn:ietf:params:oauth:grant-type:jwt-bearer"
GOOGLE_MAIL_SCOPE = "https://mail.google.com/"
MICROSOFT_MAIL_SCOPE = "https://outlook.office365.com/.default"
# A client assertion may live at most this long (Entra asks for short-lived assertions).
MAX_ASSERTION_SECONDS = 600
# Google refuses a service-account JWT whose exp is more than an hour after its iat.
MAX_GOOGLE_JWT_SECONDS = 3600
# Clock skew tolerated on iat/nbf, as the real endpoints do.
LEEWAY_SECONDS = 60


class OAuthError(Exception):
    """A refusal, carried to the HTTP answer: status, OAuth2 error, description, AADSTS code."""

    def __init__(self, status, error, description, code=None):
        super().__init__(description)
        self.status = status
        self.error = error
        self.description = description
        self.code = code

    def body(self):
        answer = {"error": self.error}
        if self.code is not None:
            # Entra's format: the code leads the description and is repeated as a number.
            answer["error_description"] = "AADSTS%d: %s" % (self.code, self.description)
            answer["error_codes"] = [self.code]
            answer["timestamp"] = time.strftime("%Y-%m-%d %H:%M:%SZ", time.gmtime())
            answer["trace_id"] = secrets.token_hex(16)
            answer["correlation_id"] = secrets.token_hex(16)
        else:
            answer["error_description"] = self.description
        return answer


def entra(status, error, code, description):
    return OAuthError(status, error, description, code)


class Endpoint:
    """What every request needs: the oauth dir, the issuer's key, the log."""

    def __init__(self, oauth_dir, port, log_path):
        self.oauth_dir = oauth_dir
        self.port = port
        self.log_path = log_path
        self.log_lock = threading.Lock()
        self.key_lock = threading.Lock()
        self.key_stamp = None
        self.key = None
        self.issuer_key()  # a missing or broken key stops the start, not the first request
        self.issuer = "https://127.0.0.1:%d/" % port

    def issuer_key(self):
        """The signing key, read again when `init` replaced it (Dovecot gets the new public
        half at the same time): tokens must never be signed with a key Dovecot lost."""
        path = os.path.join(self.oauth_dir, "issuer-key.pem")
        stat = os.stat(path)
        stamp = (stat.st_mtime_ns, stat.st_size, stat.st_ino)
        with self.key_lock:
            if stamp != self.key_stamp:
                with open(path, "rb") as f:
                    self.key = serialization.load_pem_private_key(f.read(), password=None)
                self.key_stamp = stamp
            return self.key

    def log(self, client_id, grant, outcome):
        line = "%s client_id=%s grant=%s %s\n" % (
            time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            printable(client_id or "-"),
            printable(grant or "-"),
            outcome,
        )
        with self.log_lock, open(self.log_path, "a", encoding="utf-8") as f:
            f.write(line)

    def clients(self):
        path = os.path.join(self.oauth_dir, "clients.json")
        try:
            with open(path, encoding="utf-8") as f:
                registry = json.load(f)
        except (OSError, ValueError) as e:
            raise OAuthError(500, "server_error", "cannot read %s: %s" % (path, e))
        clients = registry.get("clients") if isinstance(registry, dict) else None
        if not isinstance(clients, list):
            raise OAuthError(500, "server_error", "%s has no \"clients\" list" % path)
        return clients

    def read_file(self, name):
        path = name if os.path.isabs(name) else os.path.join(self.oauth_dir, name)
        with open(path, "rb") as f:
            return f.read()

    # -- issuing ---------------------------------------------------------------------------

    def issue(self, client, mailbox, scope):
        lifetime = int(client.get("token_lifetime_seconds", DEFAULT_LIFETIME))
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": audience_for(scope),
            "sub": client["client_id"],
            "email": mailbox,
            "client_id": client["client_id"],
            "scope": scope,
            "iat": now,
            "nbf": now,
            "exp": now + lifetime,
            "jti": secrets.token_urlsafe(16),
        }
        token = jwt.encode(
            claims,
            self.issuer_key(),
            algorithm="RS256",
            headers={"typ": "JWT", "kid": ISSUER_KEY_ID},
        )
        return {"access_token": token, "token_type": "Bearer", "expires_in": lifetime,
                "ext_expires_in": lifetime, "scope": scope}

    # -- grants ----------------------------------------------------------------------------

    def token(self, form, basic, token_urls, seen):
        grant = form.get("grant_type")
        if grant == "client_credentials":
            return self.client_credentials(form, basic, token_urls)
        if grant == JWT_BEARER_GRANT:
            return self.service_account(form, token_urls, seen)
        if grant is None:
            raise entra(400, "invalid_request", 900144,
                        "The request body must contain the following parameter: 'grant_type'.")
        raise entra(400, "unsupported_grant_type", 70003,
                    "The app requested an unsupported grant type '%s'." % printable(grant))

    def find_client(self, client_id):
        for client in self.clients():
            if isinstance(client, dict) and client.get("client_id") == client_id:
                return client
        raise entra(400, "unauthorized_client", 700016,
                    "Application with identifier '%s' was not found in the directory "
                    "'kazguu-sandbox'. This can happen if the application has not been installed "
                    "by the administrator of the tenant or consented to by any user in the "
                    "tenant." % printable(client_id))

    def client_credentials(self, form, basic, token_urls):
        client_id = form.get("client_id")
        secret = form.get("client_secret")
        if basic is not None:
            basic_id, basic_secret = basic
            if client_id is not None and client_id != basic_id:
                raise entra(401, "invalid_client", 700021,
                            "Client id in the request body and in the Authorization header differ.")
            client_id, secret = basic_id, basic_secret
        if not client_id:
            raise entra(400, "invalid_request", 900144,
                        "The request body must contain the following parameter: 'client_id'.")
        client = self.find_client(client_id)
        assertion = form.get("client_assertion")
        if assertion is not None:
            if form.get("client_assertion_type") != CLIENT_ASSERTION_TYPE:
                raise entra(400, "invalid_request", 700025,
                            "client_assertion_type must be '%s'." % CLIENT_ASSERTION_TYPE)
            self.check_client_assertion(client, assertion, token_urls)
        elif secret is not None:
            self.check_secret(client, secret)
        else:
            raise entra(401, "invalid_client", 7000218,
                        "The request body must contain the following parameter: "
                        "'client_assertion' or 'client_secret'.")
        scope = self.granted_scope(client, form.get("scope"), MICROSOFT_MAIL_SCOPE)
        mailbox = client.get("mailbox") or first(client.get("mailboxes"))
        if not mailbox:
            raise entra(400, "unauthorized_client", 700016,
                        "Application '%s' has no mailbox in clients.json." % printable(client_id))
        return client, mailbox, scope

    def check_secret(self, client, secret):
        client_id = client["client_id"]
        expected = client.get("client_secret")
        if expected is None and client.get("client_secret_file"):
            try:
                expected = self.read_file(client["client_secret_file"]).decode().strip()
            except OSError:
                expected = None
        if not expected or client.get("revoked"):
            raise entra(401, "invalid_client", 7000215,
                        "Invalid client secret provided. Ensure the secret being sent in the "
                        "request is the client secret value, not the client secret ID, for a "
                        "secret added to app '%s'." % client_id)
        if not secrets.compare_digest(expected.encode(), secret.encode()):
            raise entra(401, "invalid_client", 7000215,
                        "Invalid client secret provided. Ensure the secret being sent in the "
                        "request is the client secret value, not the client secret ID, for a "
                        "secret added to app '%s'." % client_id)
        expires = client.get("client_secret_expires_at")
        if expires is not None and time.time() >= float(expires):
            raise entra(401, "invalid_client", 7000222,
                        "The provided client secret keys for app '%s' are expired. Visit the "
                        "Azure portal to create new keys for your app." % client_id)

    def check_client_assertion(self, client, assertion, token_urls):
        client_id = client["client_id"]
        if not client.get("certificate_file") or client.get("revoked"):
            raise entra(401, "invalid_client", 700027,
                        "Client assertion failed signature validation: no certificate is "
                        "registered for app '%s'. [Reason - The key was not found.]" % client_id)
        try:
            certificate = x509.load_pem_x509_certificate(self.read_file(client["certificate_file"]))
        except (OSError, ValueError) as e:
            raise OAuthError(500, "server_error", "cannot load the certificate of %s: %s"
                             % (client_id, e))
        try:
            header = jwt.get_unverified_header(assertion)
        except jwt.InvalidTokenError:
            raise entra(400, "invalid_client", 50027, "JWT token is invalid or malformed.")
        der = certificate.public_bytes(serialization.Encoding.DER)
        thumbprints = {
            "x5t": b64url(hashlib.sha1(der).digest()),
            "x5t#S256": b64url(hashlib.sha256(der).digest()),
        }
        for name, thumbprint in thumbprints.items():
            if name in header and header[name] != thumbprint:
                raise entra(401, "invalid_client", 700027,
                            "Client assertion contains an invalid signature. [Reason - The key "
                            "was not found., Thumbprint of key used by client: '%s']"
                            % printable(str(header[name])))
        claims = self.verify_jwt(assertion, certificate.public_key(), token_urls, "entra")
        if claims.get("iss") != client_id or claims.get("sub") != client_id:
            raise entra(401, "invalid_client", 700021,
                        "Client assertion application identifier doesn't match 'client_id' "
                        "parameter. Review the documentation at "
                        "https://docs.microsoft.com/en-us/azure/active-directory/develop/"
                        "active-directory-certificate-credentials .")
        if not claims.get("jti"):
            raise entra(401, "invalid_client", 50027,
                        "JWT token is invalid or malformed: the 'jti' claim is missing.")
        if claims["exp"] - time.time() > MAX_ASSERTION_SECONDS:
            raise entra(401, "invalid_client", 700024,
                        "Client assertion is not within its valid time range: 'exp' is more "
                        "than %d seconds away." % MAX_ASSERTION_SECONDS)

    def verify_jwt(self, assertion, public_key, token_urls, style):
        """Signature, aud (one of the URLs this request could be addressed as), exp, iat/nbf."""
        try:
            return jwt.decode(
                assertion,
                public_key,
                algorithms=["RS256"],
                audience=token_urls,
                leeway=LEEWAY_SECONDS if style == "google" else 0,
                options={"require": ["exp", "iss", "aud"]},
            )
        except jwt.ExpiredSignatureError:
            if style == "google":
                raise OAuthError(400, "invalid_grant",
                                 "Invalid JWT: Token must be a short-lived token (60 minutes) "
                                 "and in a reasonable timeframe. Check your iat and exp values in "
                                 "the JWT claim.")
            raise entra(401, "invalid_client", 700024,
                        "Client assertion is not within its valid time range.")
        except jwt.InvalidAudienceError:
            if style == "google":
                raise OAuthError(400, "invalid_grant", "Invalid JWT: the audience is not the token URL.")
            raise entra(401, "invalid_client", 700212,
                        "The audience claim of the client assertion is not the token endpoint's "
                        "URL (%s)." % token_urls[0])
        except jwt.InvalidSignatureError:
            if style == "google":
                raise OAuthError(400, "invalid_grant", "Invalid JWT Signature.")
            raise entra(401, "invalid_client", 700027,
                        "Client assertion failed signature validation.")
        except jwt.InvalidTokenError as e:
            if style == "google":
                raise OAuthError(400, "invalid_grant", "Invalid JWT: %s" % printable(str(e)))
            raise entra(401, "invalid_client", 50027,
                        "JWT token is invalid or malformed: %s" % printable(str(e)))

    def service_account(self, form, token_urls, seen):
        assertion = form.get("assertion")
        if not assertion:
            raise OAuthError(400, "invalid_request", "Missing required parameter: assertion")
        try:
            unverified = jwt.decode(assertion, options={"verify_signature": False})
            header = jwt.get_unverified_header(assertion)
        except jwt.InvalidTokenError:
            raise OAuthError(400, "invalid_grant", "Invalid JWT: the assertion is malformed.")
        email = unverified.get("iss")
        seen["client_id"] = printable(email or "-")  # for the log line of a refusal
        client = None
        for candidate in self.clients():
            if isinstance(candidate, dict) and candidate.get("client_email") == email and email:
                client = candidate
                break
        if client is None:
            raise OAuthError(400, "invalid_grant",
                             "Invalid grant: account not found")
        if client.get("revoked") or (client.get("private_key_id") and
                                     header.get("kid") not in (None, client["private_key_id"])):
            raise OAuthError(400, "invalid_grant", "Invalid JWT Signature.")
        try:
            public_key = serialization.load_pem_public_key(self.read_file(client["public_key_file"]))
        except (OSError, ValueError, KeyError) as e:
            raise OAuthError(500, "server_error", "cannot load the public key of %s: %s"
                             % (printable(email), e))
        claims = self.verify_jwt(assertion, public_key, token_urls, "google")
        iat = claims.get("iat")
        if not isinstance(iat, (int, float)) or iat > time.time() + LEEWAY_SECONDS or \
                claims["exp"] - iat > MAX_GOOGLE_JWT_SECONDS or claims["exp"] <= iat:
            raise OAuthError(400, "invalid_grant",
                             "Invalid JWT: Token must be a short-lived token (60 minutes) and in a "
                             "reasonable timeframe. Check your iat and exp values in the JWT claim.")
        requested = claims.get("scope")
        if not requested:
            raise OAuthError(400, "invalid_scope",
                             "Invalid OAuth scope or ID token audience provided.")
        scope = self.granted_scope(client, requested, GOOGLE_MAIL_SCOPE, google=True)
        subject = claims.get("sub")
        mailbox = subject or client.get("mailbox") or first(client.get("mailboxes"))
        if mailbox not in (client.get("mailboxes") or []):
            raise OAuthError(401, "unauthorized_client",
                             "Client is unauthorized to retrieve access tokens using this method, "
                             "or client not authorized for any of the scopes requested.")
        return client, mailbox, scope

    def granted_scope(self, client, requested, default, google=False):
        allowed = client.get("scopes") or [MICROSOFT_MAIL_SCOPE, GOOGLE_MAIL_SCOPE]
        wanted = (requested or default).split()
        unknown = [s for s in wanted if s not in allowed]
        if unknown or not wanted:
            if google:
                raise OAuthError(400, "invalid_scope",
                                 "Invalid OAuth scope or ID token audience provided.")
            raise entra(400, "invalid_scope", 70011,
                        "The provided request must include a 'scope' input parameter. The "
                        "provided value for the input parameter 'scope' is not valid. The scope "
                        "%s is not valid." % printable(" ".join(unknown or wanted)))
        return " ".join(wanted)


def audience_for(scope):
    """The resource the token is for, from its scope (Exchange's .default scopes name it)."""
    first_scope = scope.split()[0]
    if first_scope.endswith("/.default"):
        return first_scope[: -len("/.default")]
    return first_scope


def first(values):
    return values[0] if isinstance(values, list) and values else None


def b64url(data):
    return base64.urlsafe_b64encode(data).rstrip(b"=").decode()


def printable(text):
    """Text from a request, safe for a log line or a JSON message: short, no control chars."""
    text = "".join(c if c.isprintable() else "?" for c in str(text))
    return text[:120]


class Handler(http.server.BaseHTTPRequestHandler):
    server_version = "cpdbot-sandbox-token-endpoint"
    sys_version = ""
    protocol_version = "HTTP/1.1"

    def log_message(self, format, *args):  # the endpoint writes its own, secret-free log
        pass

    def do_GET(self):
        self.answer(405, {"error": "invalid_request",
                          "error_description": "The token endpoint accepts only POST."})

    def do_POST(self):
        endpoint = self.server.endpoint
        grant = client_id = None
        try:
            path = urllib.parse.urlsplit(self.path).path
            if not path.endswith("/token"):
                raise OAuthError(404, "invalid_request", "No token endpoint at %s; the path "
                                 "must end in /token." % printable(path))
            content_type = (self.headers.get("Content-Type") or "").split(";")[0].strip().lower()
            if content_type != "application/x-www-form-urlencoded":
                raise entra(400, "invalid_request", 900144,
                            "The request body must be application/x-www-form-urlencoded.")
            length = int(self.headers.get("Content-Length") or 0)
            if length > 65536:
                raise OAuthError(413, "invalid_request", "The request body is too large.")
            body = self.rfile.read(length).decode("utf-8", "replace")
            form = {k: v for k, v in urllib.parse.parse_qsl(body, keep_blank_values=True)}
            grant = form.get("grant_type")
            client_id = form.get("client_id")
            basic = basic_credentials(self.headers.get("Authorization"))
            if basic is not None:
                client_id = basic[0]
            hosts = {self.headers.get("Host") or "", "127.0.0.1:%d" % endpoint.port,
                     "localhost:%d" % endpoint.port}
            token_urls = ["https://%s%s" % (h, path) for h in sorted(hosts) if h]
            seen = {}
            try:
                client, mailbox, scope = endpoint.token(form, basic, token_urls, seen)
            finally:
                client_id = seen.get("client_id", client_id)
            client_id = client.get("client_id")
            answer = endpoint.issue(client, mailbox, scope)
            endpoint.log(client_id, grant, "issued mailbox=%s lifetime=%ds"
                         % (printable(mailbox), answer["expires_in"]))
            self.answer(200, answer)
        except OAuthError as e:
            endpoint.log(client_id, grant, "refused %d %s%s" % (
                e.status, e.error, " AADSTS%d" % e.code if e.code else ""))
            self.answer(e.status, e.body())
        except Exception as e:  # a bug here must still answer, and must not print the request
            endpoint.log(client_id, grant, "error %s" % type(e).__name__)
            self.answer(500, {"error": "server_error",
                              "error_description": "internal error: %s" % type(e).__name__})

    def answer(self, status, body):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json; charset=utf-8")
        self.send_header("Cache-Control", "no-store")
        self.send_header("Pragma", "no-cache")
        self.send_header("Content-Length", str(len(data)))
        if status == 401:
            self.send_header("WWW-Authenticate", 'Basic realm="cpdbot-sandbox"')
        self.end_headers()
        self.wfile.write(data)


def basic_credentials(header):
    """client_id and secret from HTTP Basic (RFC 6749 section 2.3.1: both form-urlencoded)."""
    if not header or not header.lower().startswith("basic "):
        return None
    try:
        decoded = base64.b64decode(header[6:].strip(), validate=True).decode("utf-8")
    except (ValueError, UnicodeDecodeError):
        raise entra(401, "invalid_client", 7000215, "The Authorization header is malformed.")
    user, _, password = decoded.partition(":")
    return urllib.parse.unquote_plus(user), urllib.parse.unquote_plus(password)


class Server(http.server.ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def handle_error(self, request, client_address):
        # A client that fails TLS (no sandbox CA) or hangs up: one line, not a traceback.
        error = sys.exc_info()[1]
        self.endpoint.log(None, None, "connection error %s" % type(error).__name__)


def serve(args):
    # `down` stops the endpoint with SIGTERM; a parent that ignored or blocked it (a test
    # runner starting the sandbox) must not hand that on.
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM})
    if args.host not in ("127.0.0.1", "localhost", "::1"):
        sys.exit("the sandbox's token endpoint listens on loopback only")
    endpoint = Endpoint(args.oauth_dir, args.port, args.log)
    server = Server((args.host, args.port), Handler)
    server.endpoint = endpoint
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.minimum_version = ssl.TLSVersion.TLSv1_2
    context.load_cert_chain(args.cert, args.key)
    # The handshake happens in the request's thread: a silent client stalls nobody else.
    server.socket = context.wrap_socket(server.socket, server_side=True,
                                        do_handshake_on_connect=False)

    # The port is bound: detach, so that `up` returns, and name the process for `status`.
    pid = os.fork()
    if pid > 0:
        with open(args.pid_file + ".tmp", "w") as f:
            f.write("%d\n" % pid)
        os.replace(args.pid_file + ".tmp", args.pid_file)
        os._exit(0)
    try:
        with open("/proc/self/comm", "w") as f:
            f.write(PROCESS_NAME)
    except OSError:
        pass
    endpoint.log(None, None, "started on https://%s:%d" % (args.host, args.port))
    server.serve_forever()


# -- the files made at the first `up` -------------------------------------------------------

def write_private(path, data):
    """A file only its owner reads (0600), written whole or not at all."""
    tmp = path + ".tmp"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    with os.fdopen(fd, "wb") as f:
        f.write(data)
    os.chmod(tmp, 0o600)
    os.replace(tmp, path)


def new_rsa_key():
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def pkcs8_pem(key):
    return key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                             serialization.NoEncryption())


def public_pem(key):
    return key.public_key().public_bytes(serialization.Encoding.PEM,
                                         serialization.PublicFormat.SubjectPublicKeyInfo)


def self_signed(key, name):
    subject = x509.Name([x509.NameAttribute(NameOID.ORGANIZATION_NAME, "cpdbot"),
                         x509.NameAttribute(NameOID.COMMON_NAME, name)])
    now = datetime.datetime.now(datetime.timezone.utc)
    return (x509.CertificateBuilder().subject_name(subject).issuer_name(subject)
            .public_key(key.public_key()).serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(days=1))
            .not_valid_after(now + datetime.timedelta(days=3650))
            .sign(key, hashes.SHA256()))


def init(args):
    """Makes whatever is missing: the issuer key, the three clients' credentials, clients.json.
    Existing files are kept, so clients configured against them keep working across `up`s."""
    d = args.oauth_dir
    os.makedirs(d, mode=0o700, exist_ok=True)
    os.chmod(d, 0o700)
    made = []

    def path(name):
        return os.path.join(d, name)

    if not os.path.exists(path("issuer-key.pem")):
        write_private(path("issuer-key.pem"), pkcs8_pem(new_rsa_key()))
        made.append("issuer-key.pem")
    if not os.path.exists(path("client-secret")):
        # 40 characters of letters, digits, _ and - (Entra's look alike), without a newline
        # (like the password file): `curl --data-urlencode client_secret@FILE` sends it as is.
        write_private(path("client-secret"), secrets.token_urlsafe(30)[:40].encode())
        made.append("client-secret")
    if not (os.path.exists(path("client-key.pem")) and os.path.exists(path("client-cert.pem"))):
        key = new_rsa_key()
        write_private(path("client-key.pem"), pkcs8_pem(key))
        write_private(path("client-cert.pem"),
                      self_signed(key, CERT_CLIENT).public_bytes(serialization.Encoding.PEM))
        made.append("client-cert.pem, client-key.pem")
    if not os.path.exists(path("service-account.json")):
        key = new_rsa_key()
        key_id = secrets.token_hex(20)
        account = {
            "type": "service_account",
            "project_id": "kazguu-sandbox",
            "private_key_id": key_id,
            "private_key": pkcs8_pem(key).decode(),
            "client_email": SERVICE_ACCOUNT_EMAIL,
            "client_id": SERVICE_ACCOUNT_CLIENT_ID,
            "auth_uri": "https://127.0.0.1:%d/auth" % args.port,
            "token_uri": "https://127.0.0.1:%d/token" % args.port,
            "auth_provider_x509_cert_url": "https://127.0.0.1:%d/certs" % args.port,
            "client_x509_cert_url": "https://127.0.0.1:%d/certs/%s" % (
                args.port, urllib.parse.quote(SERVICE_ACCOUNT_EMAIL)),
            "universe_domain": "googleapis.com",
        }
        write_private(path("service-account-public.pem"), public_pem(key))
        write_private(path("service-account.json"), (json.dumps(account, indent=2) + "\n").encode())
        made.append("service-account.json")
    if not os.path.exists(path("clients.json")):
        with open(path("service-account.json"), encoding="utf-8") as f:
            account = json.load(f)
        mailboxes = args.mailbox
        clients = []
        for client_id, mailbox in client_variants(SECRET_CLIENT, mailboxes):
            clients.append({"client_id": client_id, "client_secret_file": "client-secret",
                            "mailbox": mailbox, "mailboxes": mailboxes,
                            "token_lifetime_seconds": DEFAULT_LIFETIME})
        for client_id, mailbox in client_variants(CERT_CLIENT, mailboxes):
            clients.append({"client_id": client_id, "certificate_file": "client-cert.pem",
                            "mailbox": mailbox, "mailboxes": mailboxes,
                            "token_lifetime_seconds": DEFAULT_LIFETIME})
        # For the selftest: its tokens expire after a second.
        clients.append({"client_id": SHORT_LIVED_CLIENT, "client_secret_file": "client-secret",
                        "mailbox": mailboxes[0], "mailboxes": mailboxes,
                        "token_lifetime_seconds": 1})
        clients.append({"client_id": account["client_id"], "client_email": account["client_email"],
                        "private_key_id": account["private_key_id"],
                        "public_key_file": "service-account-public.pem",
                        "mailbox": mailboxes[0], "mailboxes": mailboxes,
                        "token_lifetime_seconds": DEFAULT_LIFETIME})
        registry = {
            "_comment": "Read at every token request: edit to revoke a secret (client_secret or "
                        "client_secret_expires_at), shorten token_lifetime_seconds, or change "
                        "the mailbox a client-credentials token is for.",
            "clients": clients,
        }
        write_private(path("clients.json"), (json.dumps(registry, indent=2) + "\n").encode())
        made.append("clients.json")

    # What Dovecot needs to check the tokens: the issuer's public key, where its
    # local_validation_key_dict looks it up (<azp or default>/<alg>/<kid>).
    with open(path("issuer-key.pem"), "rb") as f:
        issuer_key = serialization.load_pem_private_key(f.read(), password=None)
    key_dir = os.path.join(args.validation_key_dir, "default", "RS256")
    os.makedirs(key_dir, mode=0o755, exist_ok=True)
    key_path = os.path.join(key_dir, ISSUER_KEY_ID)
    data = public_pem(issuer_key)
    if not os.path.exists(key_path) or open(key_path, "rb").read() != data:
        with open(key_path + ".tmp", "wb") as f:
            f.write(data)
        os.chmod(key_path + ".tmp", 0o644)
        os.replace(key_path + ".tmp", key_path)
    if made:
        print("made " + ", ".join(made) + " in " + d)


def client_variants(base, mailboxes):
    """The client for the first mailbox keeps the plain name; the others get a suffix
    (cpdbot-secret-exchange for exchange@...), since a client-credentials token is for the
    client's one registered mailbox."""
    yield base, mailboxes[0]
    for mailbox in mailboxes[1:]:
        yield "%s-%s" % (base, mailbox.split("@")[0]), mailbox


def assertion(args):
    """Signs client assertions (kind cert) and service-account JWTs (kind service-account) the
    way a client does, one per --kind/--aud pair, and prints them one a line (the selftest
    makes both in one run: Python with its crypto is slow to start)."""
    if len(args.kind) != len(args.aud):
        fail("give one --aud for each --kind")
    d = args.oauth_dir
    now = int(time.time())
    for kind, aud in zip(args.kind, args.aud):
        if kind == "cert":
            with open(os.path.join(d, "client-key.pem"), "rb") as f:
                key = serialization.load_pem_private_key(f.read(), password=None)
            with open(os.path.join(d, "client-cert.pem"), "rb") as f:
                cert = x509.load_pem_x509_certificate(f.read())
            der = cert.public_bytes(serialization.Encoding.DER)
            claims = {"iss": args.client_id, "sub": args.client_id, "aud": aud,
                      "iat": now, "nbf": now, "exp": now + 300, "jti": secrets.token_hex(16)}
            headers = {"typ": "JWT", "x5t": b64url(hashlib.sha1(der).digest())}
        else:
            with open(os.path.join(d, "service-account.json"), encoding="utf-8") as f:
                account = json.load(f)
            key = serialization.load_pem_private_key(account["private_key"].encode(),
                                                     password=None)
            claims = {"iss": account["client_email"], "scope": GOOGLE_MAIL_SCOPE, "aud": aud,
                      "iat": now, "exp": now + 3600}
            if args.sub:
                claims["sub"] = args.sub
            headers = {"typ": "JWT", "kid": account["private_key_id"]}
        print(jwt.encode(claims, key, algorithm="RS256", headers=headers))


def fail(message):
    """A usage error, said the way the project's scripts say theirs (exit 2)."""
    print("mail-sandbox: %s" % message, file=sys.stderr)
    sys.exit(2)


def configure_client(args):
    """Changes one registered client in clients.json, the way a test needs: revoke its secret
    (or certificate, or key), let its secret expire, give its tokens another lifetime or
    another mailbox, or restore it. Written whole and renamed into place (0600): the endpoint
    reads the file at every request and must never see half of it."""
    path = os.path.join(args.oauth_dir, "clients.json")
    with open(path, encoding="utf-8") as f:
        registry = json.load(f)
    matches = [c for c in registry.get("clients", [])
               if args.client_id in (c.get("client_id"), c.get("client_email"))]
    if not matches:
        fail("no client %s in %s" % (args.client_id, path))
    client = matches[0]
    for change in args.change:
        name, _, value = change.partition("=")
        if change == "revoke":
            client["revoked"] = True
        elif change == "expire":
            client["client_secret_expires_at"] = int(time.time())
        elif change == "restore":
            client.pop("revoked", None)
            client.pop("client_secret_expires_at", None)
            client["token_lifetime_seconds"] = DEFAULT_LIFETIME
        elif name == "lifetime" and value.isdigit() and int(value) > 0:
            client["token_lifetime_seconds"] = int(value)
        elif name == "mailbox" and "@" in value:
            client["mailbox"] = value
            if value not in client.setdefault("mailboxes", []):
                client["mailboxes"].append(value)
        else:
            fail("unknown change %r: revoke, expire, restore, lifetime=SECONDS, "
                 "mailbox=ADDRESS" % change)
    write_private(path, (json.dumps(registry, indent=2) + "\n").encode())
    print("%s: %s" % (args.client_id, ", ".join(args.change)))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    p = commands.add_parser("serve", help="listen (forks into the background once bound)")
    p.add_argument("--oauth-dir", required=True)
    p.add_argument("--host", default="127.0.0.1")
    p.add_argument("--port", type=int, default=10443)
    p.add_argument("--cert", required=True)
    p.add_argument("--key", required=True)
    p.add_argument("--log", required=True)
    p.add_argument("--pid-file", required=True)
    p.set_defaults(run=serve)
    p = commands.add_parser("init", help="make the keys, the clients' credentials, clients.json")
    p.add_argument("--oauth-dir", required=True)
    p.add_argument("--port", type=int, default=10443)
    p.add_argument("--validation-key-dir", required=True)
    p.add_argument("--mailbox", action="append", required=True,
                   help="a mailbox the clients may act for; the first is their default")
    p.set_defaults(run=init)
    p = commands.add_parser("assertion", help="print signed client assertions or service-account JWTs")
    p.add_argument("--oauth-dir", required=True)
    p.add_argument("--kind", choices=["cert", "service-account"], action="append", required=True)
    p.add_argument("--aud", action="append", required=True, help="one for each --kind, in order")
    p.add_argument("--client-id", default=CERT_CLIENT)
    p.add_argument("--sub")
    p.set_defaults(run=assertion)
    p = commands.add_parser("client", help="change a registered client in clients.json")
    p.add_argument("--oauth-dir", required=True)
    p.add_argument("client_id")
    p.add_argument("change", nargs="+",
                   help="revoke, expire, restore, lifetime=SECONDS, mailbox=ADDRESS")
    p.set_defaults(run=configure_client)
    args = parser.parse_args()
    args.run(args)


if __name__ == "__main__":
    main()
