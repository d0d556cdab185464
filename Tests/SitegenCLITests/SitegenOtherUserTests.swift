import Foundation
import SiteGenTestSupport
import Testing

/// A build run by a user who may not read part of the site, as `chmod 000` leaves it for
/// everyone but root: the build stops and names the folder, rather than publishing a site
/// with pages missing (issue 14, item 7). The tests switch to `nobody`, so they need root.
@Suite("sitegen run by another user")
struct SitegenOtherUserTests {
    static let setpriv = "/usr/bin/setpriv"
    static var canSwitchUser: Bool { getuid() == 0 && FileManager.default.isExecutableFile(atPath: setpriv) }

    @Test(.enabled(if: canSwitchUser, "needs root and setpriv to run sitegen as nobody"),
          arguments: ["content/articles", "content/glossary"])
    func anUnreadableFolderFailsTheBuild(folder: String) async throws {
        let site = try TestSite(SitegenCLITests.goodSite)
        try site.write("content/glossary/lpg.md", "---\ntitle: LPG\nshort: Flydende gas.\n---\nGas.\n")
        let manager = FileManager.default
        try manager.setAttributes([.posixPermissions: 0], ofItemAtPath: site.source.appendingPathComponent(folder).path)
        let writable = site.folder.appendingPathComponent("out")
        try manager.createDirectory(at: writable, withIntermediateDirectories: true)
        try manager.setAttributes([.ownerAccountID: 65534], ofItemAtPath: writable.path)
        let output = writable.appendingPathComponent("public")

        let result = try await SitegenBinary.run(URL(fileURLWithPath: Self.setpriv), [
            "--reuid=nobody", "--regid=nogroup", "--clear-groups",
            try SitegenBinary.url().path, "build", "--source", site.source.path, "--output", output.path,
        ])

        #expect(result.exitCode == 1, "\(result)")
        #expect(result.stderr.hasPrefix(
            "\(folder):1:1: error: cannot read this folder (permission denied), so its files would be missing from the site; make it readable (chmod -R a+rX \(folder))\n"),
            "\(result)")
        #expect(!manager.fileExists(atPath: output.path))
        try manager.setAttributes([.posixPermissions: 0o755], ofItemAtPath: site.source.appendingPathComponent(folder).path)
    }
}
