import Foundation

/// Where things are in the sitegen repository, found from this file's own path so tests work
/// from any working directory and read fixtures and golden files straight from the source tree.
public enum RepositoryPaths {
    /// The folder holding Package.swift.
    public static let root: URL = {
        // <root>/Tests/SiteGenTestSupport/RepositoryPaths.swift
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }()

    /// The default templates the example site and most test sites use.
    public static var templates: URL { root.appendingPathComponent("Templates") }

    /// `Tests/SiteGenTests/<relativePath>`: fixtures and golden folders.
    public static func siteGenTests(_ relativePath: String) -> URL {
        root.appendingPathComponent("Tests/SiteGenTests").appendingPathComponent(relativePath)
    }
}
