import Foundation
@testable import SiteGen
import SiteGenTestSupport
import Testing

/// The templates built into sitegen for `sitegen init` are the repository's Templates/.
@Suite("Default templates")
struct DefaultTemplatesTests {
    @Test func theBuiltInTemplatesMatchTemplatesFolder() throws {
        let folder = RepositoryPaths.templates.path
        let onDisk = try FileManager.default.subpathsOfDirectory(atPath: folder).filter { path in
            var isFolder: ObjCBool = false
            let exists = FileManager.default.fileExists(atPath: folder + "/" + path, isDirectory: &isFolder)
            return exists && !isFolder.boolValue && !(path.split(separator: "/").last ?? "").hasPrefix(".")
        }.sorted()
        #expect(DefaultTemplates.files.map(\.path) == onDisk, "run scripts/embed-templates.py after changing Templates/")
        for file in DefaultTemplates.files {
            let text = try String(contentsOfFile: folder + "/" + file.path, encoding: .utf8)
            #expect(file.text == text, "\(file.path) differs from the built-in copy; run scripts/embed-templates.py")
        }
    }
}
