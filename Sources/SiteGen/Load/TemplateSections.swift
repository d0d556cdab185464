/// Finds where a Mustache section was opened and never closed, for a diagnostic at the
/// opening tag rather than at the end of the file.
enum TemplateSections {
    static func firstUnclosed(in text: String, path: String) -> SourceLocation? {
        var open: [(name: String, location: SourceLocation)] = []
        for tag in TemplateTag.scan(text, path: path) {
            switch tag.kind {
            case .section, .inverted, .block, .parent:
                open.append((tag.name, tag.location))
            case .close:
                if let index = open.lastIndex(where: { $0.name == tag.name }) { open.removeSubrange(index...) }
            default:
                break
            }
        }
        return open.last?.location
    }
}
