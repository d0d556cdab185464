/// A compiled template laid out for rendering: its ops in one array of plain values, its text
/// in one run of bytes, and its lookups, indentations and parts in side tables. Rendering a page
/// walks it by index; the tree of `TemplateOp`s it is made from had every op, text and list of
/// ops counted in and out as it was read, a good share of rendering.
struct TemplateProgram: Sendable {
    /// One op of the program. A section's body is the instructions after it up to `end`.
    enum Instruction: Sendable {
        case text(start: Int32, end: Int32)
        case value(Operand, escaped: Bool)
        case section(Operand, end: Int32)
        case inverted(Operand, end: Int32)
        case included(indentation: Int32, end: Int32)
    }

    /// Where a tag's value is read.
    enum Operand: Sendable {
        /// A field that is always there, read without going through the lookups: most tags
        /// and sections. A lookup read from the table was copied, its lists counted in and out.
        case field(depth: Int32, path: FieldPath)
        case lookup(Int32)
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
                code.append(.value(operand(lookup), escaped: escaped))
            case .section(let lookup, let body):
                let operand = operand(lookup)
                append(body) { .section(operand, end: $0) }
            case .inverted(let lookup, let body):
                let operand = operand(lookup)
                append(body) { .inverted(operand, end: $0) }
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

    private mutating func operand(_ lookup: TemplateLookup) -> Operand {
        if case .field(let depth, let path) = lookup.source, lookup.transforms.isEmpty {
            return .field(depth: Int32(depth), path: path)
        }
        lookups.append(lookup)
        return .lookup(Int32(lookups.count - 1))
    }
}
