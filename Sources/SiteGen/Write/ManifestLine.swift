/// One value a line, as sitegen's manifests keep them (`OutputManifest`, `BuildManifest`):
/// a file name or a message may hold a line break or a tab, so those and `\` are escaped.
enum ManifestLine {
    static func escape(_ text: String) -> String {
        guard text.contains(where: { $0 == "\\" || $0 == "\n" || $0 == "\r" || $0 == "\t" }) else { return text }
        return text.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\n", with: "\\n")
            .replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\t", with: "\\t")
    }

    static func unescape<Line: StringProtocol>(_ line: Line) -> String {
        guard line.contains("\\") else { return String(line) }
        var result = ""
        var escaping = false
        for character in line {
            if escaping {
                switch character {
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                default: result.append(character)
                }
                escaping = false
            } else if character == "\\" {
                escaping = true
            } else {
                result.append(character)
            }
        }
        return result
    }
}
