import Foundation

/// The places sitegen knows without the site: cities of 15,000 people or more, first-level
/// regions and countries (Resources/gazetteer.tsv, made by scripts/data/make-gazetteer.py from
/// GeoNames and ISO 3166). Only `sitegen extract` loads it.
public struct Gazetteer: Sendable {
    public enum Kind: String, Sendable, Comparable {
        case city, region, country

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rank < rhs.rank }
        private var rank: Int { self == .city ? 0 : self == .region ? 1 : 2 }
    }

    public struct Entry: Sendable {
        public var kind: Kind
        /// ISO 3166-1 alpha-2 for a country, ISO 3166-2 for a region, the GeoNames id for a city.
        public var code: String
        public var country: String
        public var latitude: Double
        public var longitude: Double
        public var timeZone: String
        public var population: Int
        public var englishName: String
        public var danishName: String
    }

    public struct Hit: Sendable {
        public var index: Int
        /// The name matched is the entry's English or Danish name, not one of its other names.
        public var isMainName: Bool
    }

    public private(set) var entries: [Entry] = []
    private var byKey: [String: [Hit]] = [:]

    /// The gazetteer shipped with sitegen: `$SITEGEN_GAZETTEER`, else the resource bundle SwiftPM
    /// puts beside the executable. Looked up by hand rather than through `Bundle.module`, which
    /// stops the program when a copied binary left its bundle behind; this says what is missing.
    public static func bundled() throws -> Gazetteer {
        var candidates: [URL] = []
        if let path = ProcessInfo.processInfo.environment["SITEGEN_GAZETTEER"], !path.isEmpty {
            candidates.append(URL(fileURLWithPath: path))
        }
        let executable = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        for folder in [Bundle.main.bundleURL, executable.deletingLastPathComponent(), Bundle.main.executableURL?.deletingLastPathComponent()].compactMap({ $0 }) {
            candidates.append(folder.appendingPathComponent("sitegen_Extract.resources/gazetteer.tsv"))
            candidates.append(folder.appendingPathComponent("sitegen_Extract.bundle/Contents/Resources/gazetteer.tsv"))
            candidates.append(folder.appendingPathComponent("sitegen_Extract.bundle/gazetteer.tsv"))
        }
        guard let file = candidates.first(where: { FileManager.default.fileExists(atPath: $0.path) }) else {
            throw ExtractionError(description: "sitegen's gazetteer is missing: keep the folder sitegen_Extract.resources beside the sitegen binary, or set SITEGEN_GAZETTEER to the path of gazetteer.tsv")
        }
        return Gazetteer(tsv: try String(contentsOf: file, encoding: .utf8))
    }

    public init(tsv: String) {
        for line in tsv.split(separator: "\n") where !line.hasPrefix("#") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count >= 10, let kind = Kind(rawValue: String(fields[0])),
                  let latitude = Double(fields[3]), let longitude = Double(fields[4]) else { continue }
            let entry = Entry(kind: kind, code: String(fields[1]), country: String(fields[2]), latitude: latitude,
                              longitude: longitude, timeZone: String(fields[5]), population: Int(fields[6]) ?? 0,
                              englishName: String(fields[7]), danishName: String(fields[8]))
            let index = entries.count
            entries.append(entry)
            var seen = Set<String>()
            var mainKeys: [String] = []
            for name in [fields[7], fields[8]] where !name.isEmpty {
                let key = NameFold.key(String(name))
                mainKeys.append(key)
                if seen.insert(key).inserted { byKey[key, default: []].append(Hit(index: index, isMainName: true)) }
            }
            for name in fields[9].split(separator: "|") {
                let key = NameFold.key(String(name))
                // "Teheran" is Tehran's own name in another spelling, not another name such as "Hatay" for Antakya.
                let spelling = key.count >= 5 && mainKeys.contains { Self.differByOneLetter($0, key) }
                if seen.insert(key).inserted { byKey[key, default: []].append(Hit(index: index, isMainName: spelling)) }
            }
        }
    }

    /// One letter added, dropped or changed.
    static func differByOneLetter(_ a: String, _ b: String) -> Bool {
        let a = Array(a.unicodeScalars), b = Array(b.unicodeScalars)
        guard abs(a.count - b.count) <= 1 else { return false }
        var i = 0, j = 0, edits = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { i += 1; j += 1; continue }
            edits += 1
            if edits > 1 { return false }
            if a.count > b.count { i += 1 } else if b.count > a.count { j += 1 } else { i += 1; j += 1 }
        }
        return edits + (a.count - i) + (b.count - j) <= 1
    }

    /// Every entry with a name that folds like `name`.
    public func lookup(_ name: String) -> [Hit] {
        byKey[NameFold.key(name)] ?? []
    }

    public func country(_ code: String) -> Entry? {
        lookup(code).lazy.map { entries[$0.index] }.first { $0.kind == .country && $0.code == code }
            ?? entries.first { $0.kind == .country && $0.code == code }
    }
}
