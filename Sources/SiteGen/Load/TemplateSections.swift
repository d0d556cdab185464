/// Finds where a Mustache section was opened and never closed, for a diagnostic at the
/// opening tag rather than at the end of the file.
enum TemplateSections {
    static func firstUnclosed(in text: String, path: String) -> SourceLocation? {
        var open: [(name: String, location: SourceLocation)] = []
        for (lineIndex, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            var rest = line[...]
            while let start = rest.range(of: "{{"), let end = rest[start.upperBound...].range(of: "}}") {
                let tag = rest[start.upperBound..<end.lowerBound].trimmingCharacters(in: .whitespaces)
                let column = line.distance(from: line.startIndex, to: start.lowerBound) + 1
                if let marker = tag.first, "#^$<".contains(marker) {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    open.append((name, SourceLocation(path: path, line: lineIndex + 1, column: column)))
                } else if tag.first == "/" {
                    let name = tag.dropFirst().trimmingCharacters(in: .whitespaces)
                    if let index = open.lastIndex(where: { $0.name == name }) { open.removeSubrange(index...) }
                }
                rest = rest[end.upperBound...]
            }
        }
        return open.last?.location
    }
}

import Foundation
