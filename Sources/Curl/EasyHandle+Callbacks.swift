internal import CCurl
internal import CurlShim
import Foundation

/// What a debug callback is seeing (libcurl's curl_infotype).
public enum DebugEvent: Sendable, Equatable {
    case text, headerIn, headerOut, dataIn, dataOut, tlsIn, tlsOut

    init?(_ type: curl_infotype) {
        switch type {
        case CURLINFO_TEXT: self = .text
        case CURLINFO_HEADER_IN: self = .headerIn
        case CURLINFO_HEADER_OUT: self = .headerOut
        case CURLINFO_DATA_IN: self = .dataIn
        case CURLINFO_DATA_OUT: self = .dataOut
        case CURLINFO_SSL_DATA_IN: self = .tlsIn
        case CURLINFO_SSL_DATA_OUT: self = .tlsOut
        default: return nil
        }
    }
}

extension EasyHandle {
    /// Installs the C trampolines once. They are non-capturing closures: the handle reaches
    /// them as unretained userdata, valid because callbacks run only inside `perform` on `self`.
    func installCallbacks() {
        let me = Unmanaged.passUnretained(self).toOpaque()
        _ = cpd_easy_setopt_pointer(raw, CURLOPT_WRITEDATA, me)
        _ = cpd_easy_setopt_pointer(raw, CURLOPT_READDATA, me)
        _ = cpd_easy_setopt_pointer(raw, CURLOPT_DEBUGDATA, me)
        _ = cpd_easy_setopt_data_callback(raw, CURLOPT_WRITEFUNCTION) { buffer, size, count, userdata in
            guard let userdata else { return cpd_write_abort() }
            let handle = Unmanaged<EasyHandle>.fromOpaque(userdata).takeUnretainedValue()
            return handle.deliver(UnsafeRawBufferPointer(start: buffer, count: size * count))
        }
        _ = cpd_easy_setopt_data_callback(raw, CURLOPT_READFUNCTION) { buffer, size, count, userdata in
            guard let userdata else { return cpd_read_abort() }
            let handle = Unmanaged<EasyHandle>.fromOpaque(userdata).takeUnretainedValue()
            return handle.supply(UnsafeMutableRawBufferPointer(start: buffer, count: size * count))
        }
        _ = cpd_easy_setopt_debug_callback(raw) { _, type, data, size, userdata in
            guard let userdata, let event = DebugEvent(type) else { return 0 }
            let handle = Unmanaged<EasyHandle>.fromOpaque(userdata).takeUnretainedValue()
            handle.observe(event, UnsafeRawBufferPointer(start: data, count: size))
            return 0
        }
        // libcurl calls the debug function only in verbose mode; with a debug function set,
        // nothing is printed to stderr.
        _ = cpd_easy_setopt_long(raw, CURLOPT_VERBOSE, 1)
    }

    private func deliver(_ bytes: UnsafeRawBufferPointer) -> Int {
        guard callbackError == nil else { return cpd_write_abort() }
        guard let onWrite else { return bytes.count }  // nobody listens: discard
        do {
            try onWrite(bytes)
            return bytes.count
        } catch {
            callbackError = error
            return cpd_write_abort()
        }
    }

    private func supply(_ buffer: UnsafeMutableRawBufferPointer) -> Int {
        guard callbackError == nil, let onRead else { return cpd_read_abort() }
        do {
            return min(try onRead(buffer), buffer.count)
        } catch {
            callbackError = error
            return cpd_read_abort()
        }
    }

    private func observe(_ event: DebugEvent, _ bytes: UnsafeRawBufferPointer) {
        if event == .headerIn {
            // Keep the last non-empty line, bounded: it goes into error messages.
            let lines = bytes.split(separator: UInt8(ascii: "\n")).map {
                String(decoding: $0.prefix(400), as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
            }
            if let last = lines.last(where: { !$0.isEmpty }) { lastServerReply = last }
        }
        onDebug?(event, bytes)
    }
}
