extension FieldReader {
    /// The fields of a fenced block's YAML body (```map, ```timeline, ```figure, ```embed) with
    /// whole-file positions: the YAML starts on the line after the fence. Unknown keys are
    /// reported; nil, with the syntax error, when the YAML does not parse.
    static func fencedBlock(_ code: String, path: String, fenceLine: Int, what: String, keys: [String]) -> (FieldReader?, [Diagnostic]) {
        switch YAMLParser.parse(code, path: path, firstLine: fenceLine + 1) {
        case .failure(let diagnostic):
            return (nil, [diagnostic])
        case .success(let yaml):
            var fields = FieldReader(yaml, fallback: SourceLocation(path: path, line: fenceLine), what: what)
            fields.rejectUnknownKeys(keys)
            return (fields, [])
        }
    }
}
