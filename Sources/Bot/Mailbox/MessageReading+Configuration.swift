public import Config
public import Documents
import Intake
import MIME

extension MessageReading.Limits {
    /// The limits of the configuration (`limits.*`), threaded to the readers.
    init(_ configured: CPDBotConfiguration.Limits) {
        self.init()
        documents = DocumentLimits(configured)
        // The IMAP fetch refuses messages over `max_message_bytes`; the parser's own cap only
        // guards a message that reaches it some other way.
        mime.maxMessageBytes = max(mime.maxMessageBytes, configured.maxMessageBytes)
        mime.maxDecodedSize = max(mime.maxDecodedSize, configured.maxMessageBytes)
        mime.maxParts = configured.maxMIMEParts
        mime.maxNestingDepth = configured.maxMIMEDepth
        mime.maxHeaderLineLength = configured.maxHeaderLineBytes
        mime.maxHeaderBytes = configured.maxHeaderBytes
        maxInflatedBytesPerMessage = configured.maxInflatedBytesPerMessage
    }
}

extension DocumentLimits {
    /// The document limits of the configuration (`cpdbot validate` uses them too).
    public init(_ configured: CPDBotConfiguration.Limits) {
        self.init()
        maxFileBytes = configured.maxAttachmentBytes
        maxRows = configured.maxRows
        maxInflatedBytes = configured.maxInflatedBytesPerFile
        maxMemberBytes = min(maxMemberBytes, configured.maxInflatedBytesPerFile)
        maxCompressionRatio = configured.maxCompressionRatio
        maxXMLTokenBytes = configured.maxXMLTokenBytes
    }
}
