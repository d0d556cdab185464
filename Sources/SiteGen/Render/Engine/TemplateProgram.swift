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
        /// and sections.
        case field(depth: Int32, path: FieldPath)
        case lookup(Int32)
    }

    /// A `TemplateLookup` as rendering reads it: plain values, with its candidates, constants
    /// and transforms in side tables. A lookup read whole was copied, its lists counted in and out.
    struct Lookup: Sendable {
        enum Source: Sendable {
            case top
            case sequence
            case field(depth: Int32, path: FieldPath)
            case constant(Int32)
            case candidates(start: Int32, end: Int32)
        }

        var source: Source
        var transforms: (start: Int32, end: Int32)
    }

    enum Candidate: Sendable {
        case field(depth: Int32, path: FieldPath, optionalHead: Bool, resolvable: Bool)
        case constant(Int32)
    }

    private(set) var code: [Instruction] = []
    private(set) var text: [UInt8] = []
    private(set) var lookups: [Lookup] = []
    private(set) var candidates: [Candidate] = []
    private(set) var constants: [TemplateValue] = []
    private(set) var transforms: [TemplateTransform] = []
    private(set) var indentations: [[UInt8]] = []

    init(_ ops: [TemplateOp]) {
        append(ops)
    }

    private mutating func append(_ ops: [TemplateOp]) {
        for op in ops {
            switch op {
            case .text(let bytes):
                appendText(bytes)
            case .value(let lookup, let escaped):
                // The interface words are known now: written once here, not looked up and
                // escaped on every page. Still an op of its own, for a partial's indentation.
                if case .constant(.text(let words)) = lookup.source, lookup.transforms.isEmpty {
                    var bytes: [UInt8] = []
                    if escaped { TemplateRenderer.appendEscaped(words, to: &bytes) } else { bytes = Array(words.utf8) }
                    appendText(bytes)
                } else {
                    code.append(.value(operand(lookup), escaped: escaped))
                }
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

    private mutating func appendText(_ bytes: [UInt8]) {
        code.append(.text(start: Int32(text.count), end: Int32(text.count + bytes.count)))
        text += bytes
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
        let source: Lookup.Source
        switch lookup.source {
        case .top: source = .top
        case .sequence: source = .sequence
        case .field(let depth, let path): source = .field(depth: Int32(depth), path: path)
        case .constant(let value): source = .constant(constant(value))
        case .candidates(let list):
            let start = Int32(candidates.count)
            for candidate in list {
                switch candidate {
                case .field(let depth, let path, let optionalHead, let resolvable):
                    candidates.append(.field(depth: Int32(depth), path: path, optionalHead: optionalHead, resolvable: resolvable))
                case .constant(let value):
                    candidates.append(.constant(constant(value)))
                }
            }
            source = .candidates(start: start, end: Int32(candidates.count))
        }
        let start = Int32(transforms.count)
        transforms += lookup.transforms
        lookups.append(Lookup(source: source, transforms: (start, Int32(transforms.count))))
        return .lookup(Int32(lookups.count - 1))
    }

    private mutating func constant(_ value: TemplateValue) -> Int32 {
        constants.append(value)
        return Int32(constants.count - 1)
    }
}
