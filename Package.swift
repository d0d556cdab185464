// swift-tools-version:6.0
import PackageDescription

let package = Package(
    name: "sitegen",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "sitegen", targets: ["sitegen"]),
        .library(name: "SiteGen", targets: ["SiteGen"]),
    ],
    dependencies: [
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/jpsim/Yams.git", from: "6.2.2"),
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        .package(url: "https://github.com/swhitty/FlyingFox.git", from: "0.27.1"),
    ],
    targets: [
        // libcmark from the system (Debian: libcmark-dev). Only the Markdown module sees it.
        .systemLibrary(
            name: "Ccmark",
            pkgConfig: "libcmark",
            providers: [.apt(["libcmark-dev"])]
        ),
        .target(name: "Markdown", dependencies: ["Ccmark"]),
        // libvips from the system (Debian: libvips42), loaded when the first image is read, not
        // linked: see Sources/Cvips/include/shim.h for why. Only the Media module sees it.
        .target(name: "Cvips", linkerSettings: [.linkedLibrary("dl")]),
        .target(name: "Media", dependencies: ["Cvips"]),
        .target(
            name: "SiteGen",
            dependencies: [
                "Markdown",
                "Media",
                .product(name: "Mustache", package: "swift-mustache"),
                .product(name: "Yams", package: "Yams"),
            ]
        ),
        // `sitegen extract`: reads agency copy, writes draft events, places and terms. It reads text
        // and a few content files, never the site model, and only it loads the gazetteer. It uses
        // SiteGen's values (Slug, ContentDate, ZoneOffsets), so ids and dates are made as a build reads them.
        .target(
            name: "Extract",
            dependencies: ["SiteGen", .product(name: "Yams", package: "Yams")],
            resources: [.copy("Resources/gazetteer.tsv")]
        ),
        // The preview server: only `sitegen serve` needs an HTTP server, so SiteGen stays free of it.
        .target(
            name: "SiteServer",
            dependencies: ["SiteGen", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .executableTarget(
            name: "sitegen",
            dependencies: [
                "SiteGen",
                "SiteServer",
                "Extract",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]
        ),
        .target(name: "SiteGenTestSupport", dependencies: ["SiteGen", "Media"], path: "Tests/SiteGenTestSupport"),
        .testTarget(name: "MarkdownTests", dependencies: ["Markdown"]),
        .testTarget(name: "MediaTests", dependencies: ["Media", "Cvips", "SiteGenTestSupport"]),
        .testTarget(
            name: "SiteGenTests",
            dependencies: ["SiteGen", "SiteGenTestSupport"],
            // Sites and expected output the tests read from the source tree (see RepositoryPaths).
            exclude: ["Fixtures", "Golden"]
        ),
        .testTarget(
            name: "ExtractTests",
            dependencies: ["Extract", "SiteGen", "SiteGenTestSupport"],
            // Input texts with the events an editor lists and the extractor's recorded output.
            exclude: ["Golden"]
        ),
        .testTarget(
            name: "SiteServerTests",
            dependencies: ["SiteServer", "SiteGenTestSupport", .product(name: "FlyingFox", package: "FlyingFox")]
        ),
        .testTarget(
            name: "SitegenCLITests",
            // `sitegen` so the executable is built next to the test bundle, which the tests run.
            dependencies: ["SiteGenTestSupport", "sitegen"],
            path: "Tests/SitegenCLITests"
        ),
    ],
    swiftLanguageModes: [.v6]
)
