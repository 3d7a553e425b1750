public import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What the whole store looks like on disk, cheap enough to take on every console request
/// (issue 17: a page computed from 10,000 people and 100,000 journal lines is kept while the
/// store is unchanged, `FileStore.fingerprint()`).
///
/// The store changes its files in two ways only: a whole-file write is a rename into a folder
/// (`AtomicFile`: the folder's modification time moves), and the JSON Lines files grow in place
/// (`JSONLinesFile`, the journal). The one other file written in place is the mailbox's failure
/// record (`FailureRecord`). So the identities of every folder, every `.jsonl` file and the
/// files of `mailbox/` change whenever anything a page reads changes. The lock files are
/// written in place too, but no page reads them.
public struct StoreFingerprint: Equatable, Sendable {
    fileprivate var identities: [String: FileIdentity]
    /// Nothing changed within the last moment (0.1 s; 2 s on a file system without fractions of
    /// a second): a later change cannot leave the kernel's coarse timestamps as they were
    /// (`FileIdentity.isSettled`). Only a value made under a
    /// settled fingerprint may be kept for later; an unsettled one is good for the moment only.
    public let isSettled: Bool

    /// Two fingerprints are equal when the same files are there with the same identities
    /// (whether either was settled does not matter).
    public static func == (a: StoreFingerprint, b: StoreFingerprint) -> Bool { a.identities == b.identities }
}

extension FileStore {
    /// The store's fingerprint now. A value made under a settled fingerprint may be reused
    /// while `fingerprint()` returns an equal one.
    public func fingerprint(now: Date = Date()) -> StoreFingerprint {
        let identities = StoreTreeWalker.shared.identities(root: root.standardizedFileURL.path)
        return StoreFingerprint(identities: identities, isSettled: identities.values.allSatisfy { $0.isSettled(now: now) })
    }
}

/// Walks the store's folders, reading a folder's names again only when the folder changed.
final class StoreTreeWalker: @unchecked Sendable {
    static let shared = StoreTreeWalker()

    private struct Listing {
        var identity: FileIdentity
        /// Sub-folders, and the files written in place, by full path.
        var folders: [String]
        var inPlaceFiles: [String]
    }

    private let lock = NSLock()
    private var listings: [String: Listing] = [:]

    func identities(root: String) -> [String: FileIdentity] {
        var result: [String: FileIdentity] = [:]
        var pending = [root]
        while let folder = pending.popLast() {
            guard let identity = FileIdentity.of(folder) else { continue }
            result[folder] = identity
            let listing = lock.withLock({ listings[folder] }).flatMap { $0.identity == identity ? $0 : nil }
                ?? list(folder, identity: identity, isMailbox: folder == root + "/mailbox")
            pending += listing.folders
            for file in listing.inPlaceFiles {
                if let identity = FileIdentity.of(file) { result[file] = identity }
            }
        }
        return result
    }

    private func list(_ folder: String, identity: FileIdentity, isMailbox: Bool) -> Listing {
        var listing = Listing(identity: identity, folders: [], inPlaceFiles: [])
        for name in (try? POSIX.list(folder)) ?? [] {
            let path = folder + "/" + name
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }
            if (info.st_mode & S_IFMT) == S_IFDIR {
                listing.folders.append(path)
            } else if (info.st_mode & S_IFMT) == S_IFREG, name.hasSuffix(".jsonl") || isMailbox {
                listing.inPlaceFiles.append(path)
            }
        }
        // Kept only when the folder did not change while it was listed.
        if FileIdentity.of(folder) == identity {
            lock.withLock { listings[folder] = listing }
        }
        return listing
    }
}
