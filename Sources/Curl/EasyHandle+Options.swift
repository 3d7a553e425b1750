internal import CCurl
internal import CurlShim

/// Typed setters: the argument kind is checked against libcurl's option table first, so a
/// wrong kind is a thrown error instead of undefined behaviour in a variadic C call.
extension EasyHandle {
    /// Sets a `long` option ([curl_easy_setopt](https://curl.se/libcurl/c/curl_easy_setopt.html)); another kind of option is an error.
    public func set(_ option: CurlOption, _ value: Int) throws(CurlError) {
        try expect(option, .long, "a number")
        try check(cpd_easy_setopt_long(raw, option.raw, value), "set \(option)")
    }

    /// Sets a `long` option to 1 or 0.
    public func set(_ option: CurlOption, _ value: Bool) throws(CurlError) {
        try set(option, value ? 1 : 0)
    }

    /// libcurl copies strings; nil resets the option (e.g. CAPATH to "trust no directory").
    public func set(_ option: CurlOption, _ value: String?) throws(CurlError) {
        try expect(option, .string, "a string")
        let code: CURLcode
        if let value {
            code = value.withCString { cpd_easy_setopt_pointer(raw, option.raw, $0) }
        } else {
            code = cpd_easy_setopt_pointer(raw, option.raw, nil)
        }
        // The value may be a password: the message names only the option.
        try check(code, "set \(option)")
    }

    /// Sets a `curl_off_t` option (sizes such as CURLOPT_INFILESIZE_LARGE).
    public func set(_ option: CurlOption, offset value: Int64) throws(CurlError) {
        try expect(option, .offset, "a 64-bit size")
        try check(cpd_easy_setopt_off_t(raw, option.raw, curl_off_t(value)), "set \(option)")
    }

    /// Builds an slist and keeps it alive until it is replaced or the handle is freed.
    public func set(_ option: CurlOption, list values: [String]) throws(CurlError) {
        try expect(option, .list, "a list of strings")
        var list: UnsafeMutablePointer<curl_slist>?
        for value in values {
            guard let appended = curl_slist_append(list, value) else {
                if let list { curl_slist_free_all(list) }
                throw CurlError(kind: .other, step: "set \(option)", server: context.server,
                                detail: "out of memory building the list")
            }
            list = appended
        }
        let code = cpd_easy_setopt_pointer(raw, option.raw, list)
        guard code == CURLE_OK else {
            if let list { curl_slist_free_all(list) }
            try check(code, "set \(option)")
            return
        }
        keep(list, for: option)
    }

    private func expect(_ option: CurlOption, _ kind: CurlOption.ArgumentKind, _ what: String) throws(CurlError) {
        guard let actual = option.argumentKind else {
            throw CurlError(kind: .badOption, code: Int(CURLE_UNKNOWN_OPTION.rawValue),
                            step: "set \(option)", server: context.server,
                            detail: "libcurl \(CurlVersion.current) does not know this option")
        }
        guard actual == kind else {
            throw CurlError(kind: .badOption, code: Int(CURLE_BAD_FUNCTION_ARGUMENT.rawValue),
                            step: "set \(option)", server: context.server,
                            detail: "it does not take \(what)")
        }
    }
}

/// The libcurl version linked at run time, for messages.
public enum CurlVersion {
    /// "libcurl 7.88.1" as [curl_version_info](https://curl.se/libcurl/c/curl_version_info.html) reports it.
    public static var current: String {
        guard let info = curl_version_info(CURLVERSION_FIRST), let version = info.pointee.version else {
            return "(unknown)"
        }
        return String(cString: version)
    }
}
