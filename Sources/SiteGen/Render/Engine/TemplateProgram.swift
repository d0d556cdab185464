/// A compiled template laid out for rendering: its ops in one array of plain values, its text
/// in one run of bytes, and its lookups, indentations and parts in side tables. Rendering a page
/// walks it by index; the tree of `TemplateOp`s it is made from had every op, text and list of
/// ops counted in and out as it was read, a good share of rendering.
struct TemplateProgram: Sendable {
    /// One op of the program. A section's body is the instructions after it up to `end`.
    enum Instruction: Sendable {
        case text(start: Int32, end: Int32)
        /// A field that is always there, written without going through the lookups.
        case field(depth: Int32, path: FieldPath, escaped: Bool)
        case value(lookup: Int32, escaped: Bool)
        case section(lookup: Int32, end: Int32)
        case inverted(lookup: Int32, end: Int32)
        case included(indentation: Int32, end: Int32)
    }

    private(set) var code: [Instruction] = []
    private(set) var text: [UInt8] = []
    private(set) var lookups: [TemplateLookup] = []
    private(set) var indentations: [[UInt8]] = []

    init(_ ops: [TemplateOp]) {
        append(ops)
    }

    private mutating func append(_ ops: [TemplateOp]) {
        for op in ops {
            switch op {
            case .text(let bytes):
                code.append(.text(start: Int32(text.count), end: Int32(text.count + bytes.count)))
                text += bytes
            case .value(let lookup, let escaped):
                if case .field(let depth, let path) = lookup.source, lookup.transforms.isEmpty {
                    code.append(.field(depth: Int32(depth), path: path, escaped: escaped))
                } else {
                    code.append(.value(lookup: file(lookup), escaped: escaped))
                }
            case .section(let lookup, let body):
                let number = file(lookup)
                append(body) { .section(lookup: number, end: $0) }
            case .inverted(let lookup, let body):
                let number = file(lookup)
                append(body) { .inverted(lookup: number, end: $0) }
            case .included(let indentation, let body):
                let number = Int32(indentations.count)
                indentations.append(Array(indentation.utf8))
                append(body) { .included(indentation: number, end: $0) }
            }
        }
    }

    /// An instruction with a body: `instruction` makes it once the body's end is known.
    private mutating func append(_ body: [TemplateOp], _ instruction: (_ end: Int32) -> Instruction) {
        let at = code.count
        code.append(instruction(0))
        append(body)
        code[at] = instruction(Int32(code.count))
    }

    private mutating func file(_ lookup: TemplateLookup) -> Int32 {
        lookups.append(lookup)
        return Int32(lookups.count - 1)
    }
}
