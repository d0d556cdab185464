/// The templates compiled against their values (`TemplateCompiler`), ready to render.
struct CompiledTemplates: Sendable {
    private let programs: [String: TemplateProgram]

    init(ops: [String: [TemplateOp]]) {
        programs = ops.mapValues(TemplateProgram.init)
    }

    func render<Model>(_ model: Model, with template: Template<Model>) -> String {
        String(decoding: renderBytes(model, with: template), as: UTF8.self)
    }

    /// The UTF-8 bytes, for a page that goes straight to its file.
    func renderBytes<Model>(_ model: Model, with template: Template<Model>) -> [UInt8] {
        guard let program = programs[template.name] else { return [] }
        var renderer = TemplateRenderer(root: .model(model))
        renderer.run(program)
        return renderer.output
    }
}

/// A compiled template: its text, and the values and sections it shows, each name already
/// resolved to places in the view models around it.
indirect enum TemplateOp: Sendable {
    case text([UInt8])
    case value(TemplateLookup, escaped: Bool)
    case section(TemplateLookup, body: [TemplateOp])
    case inverted(TemplateLookup, body: [TemplateOp])
    /// A partial, a parent template or a block: the same values, but no longer directly in a
    /// list's section; a standalone partial's indentation starts each of its lines.
    case included(indentation: String, [TemplateOp])

    /// Adjacent text joined: the parser splits it at every line end.
    static func merged(_ ops: [TemplateOp]) -> [TemplateOp] {
        var result: [TemplateOp] = []
        for op in ops {
            if case .text(let next) = op, case .text(let previous)? = result.last {
                result[result.count - 1] = .text(previous + next)
            } else {
                result.append(op)
            }
        }
        return result
    }
}

/// Where a tag's value comes from when it renders.
struct TemplateLookup: Sendable {
    /// A place the name may be found, from the innermost value out.
    enum Candidate: Sendable {
        /// A field `depth` values out, then fields in it. When the first field is optional and
        /// absent, the next candidate is asked. `resolvable` is false when the first field is
        /// there but the rest of the name is not: the value is then absent.
        case field(depth: Int, path: FieldPath, optionalHead: Bool, resolvable: Bool)
        /// The interface words, known when the templates are compiled.
        case constant(TemplateValue)
    }

    enum Source: Sendable {
        /// `{{.}}`: the innermost value.
        case top
        /// `last()` and the like: the place in the list being shown.
        case sequence
        /// A field that is always there, `depth` values out: most names, found without a
        /// list of candidates to go through.
        case field(depth: Int, path: FieldPath)
        /// A value known when the templates are compiled: the interface words.
        case constant(TemplateValue)
        case candidates([Candidate])

        init(_ candidates: [Candidate]) {
            switch candidates.first {
            case .field(let depth, let path, optionalHead: false, resolvable: true)? where candidates.count == 1:
                self = .field(depth: depth, path: path)
            case .constant(let value)?:
                self = .constant(value) // the first place that has the name decides
            default:
                self = .candidates(candidates)
            }
        }
    }

    var source: Source
    /// Innermost first.
    var transforms: [TemplateTransform] = []
}

/// swift-mustache's transforms (`{{^empty(places)}}`, `{{^last()}}`), with the same results.
enum TemplateTransform: Sendable {
    case empty, count, first, last, reversed, capitalized, lowercased, uppercased
    case equalZero, plusOne, minusOne, even, odd
    case isFirst, isLast, index, isEven, isOdd

    /// The transform `name` applied to a value of `kind` (the place in a list when `sequence`),
    /// with the kind of what it gives; nil when swift-mustache has no such transform for it.
    static func compile(_ name: String, on kind: FieldKind, sequence: Bool) -> (transform: TemplateTransform, kind: FieldKind)? {
        if sequence {
            switch name {
            case "first": return (.isFirst, .flag)
            case "last": return (.isLast, .flag)
            case "even": return (.isEven, .flag)
            case "odd": return (.isOdd, .flag)
            case "index": return (.index, .number)
            default: return nil
            }
        }
        switch (name, kind) {
        case ("empty", .list), ("empty", .text): return (.empty, .flag)
        case ("count", .list): return (.count, .number)
        case ("first", .list(let element)): return (.first, element)
        case ("last", .list(let element)): return (.last, element)
        case ("reversed", .list), ("reversed", .text): return (.reversed, kind)
        case ("capitalized", .text): return (.capitalized, .text)
        case ("lowercased", .text): return (.lowercased, .text)
        case ("uppercased", .text): return (.uppercased, .text)
        case ("equalzero", .number): return (.equalZero, .flag)
        case ("even", .number): return (.even, .flag)
        case ("odd", .number): return (.odd, .flag)
        case ("plusone", .number): return (.plusOne, .number)
        case ("minusone", .number): return (.minusOne, .number)
        default: return nil
        }
    }

    func apply(to value: TemplateValue, sequence: (index: Int, isLast: Bool)?) -> TemplateValue {
        switch (self, value) {
        case (.isFirst, _): return sequence.map { .flag($0.index == 0) } ?? .absent
        case (.isLast, _): return sequence.map { .flag($0.isLast) } ?? .absent
        case (.index, _): return sequence.map { .number($0.index) } ?? .absent
        case (.isEven, _): return sequence.map { .flag($0.index & 1 == 0) } ?? .absent
        case (.isOdd, _): return sequence.map { .flag($0.index & 1 == 1) } ?? .absent
        case (.empty, .list(let list)): return .flag(list.count == 0)
        case (.empty, .text(let text)): return .flag(text.isEmpty)
        case (.count, .list(let list)): return .number(list.count)
        case (.first, .list(let list)): return list.count > 0 ? list.element(at: 0) : .absent
        case (.last, .list(let list)): return list.count > 0 ? list.element(at: list.count - 1) : .absent
        case (.reversed, .list(let list)): return .list(ReversedTemplateList(base: list))
        case (.reversed, .text(let text)): return .text(String(text.reversed()))
        case (.capitalized, .text(let text)): return .text(text.capitalized)
        case (.lowercased, .text(let text)): return .text(text.lowercased())
        case (.uppercased, .text(let text)): return .text(text.uppercased())
        case (.equalZero, .number(let number)): return .flag(number == 0)
        case (.plusOne, .number(let number)): return .number(number + 1)
        case (.minusOne, .number(let number)): return .number(number - 1)
        case (.even, .number(let number)): return .flag(number & 1 == 0)
        case (.odd, .number(let number)): return .flag(number & 1 == 1)
        default: return .absent
        }
    }
}

private struct ReversedTemplateList: TemplateList {
    let base: any TemplateList
    var count: Int { base.count }
    func element(at index: Int) -> TemplateValue { base.element(at: base.count - 1 - index) }
    func value(at index: Int, field: Int, then rest: FieldPath) -> TemplateValue? { base.value(at: base.count - 1 - index, field: field, then: rest) }
}

/// Runs compiled templates into UTF-8 bytes, with the semantics of swift-mustache: a flag
/// shows or hides a section, a list shows it once per entry, any other value once with the
/// value pushed; an absent value shows an inverted section.
struct TemplateRenderer {
    private(set) var output: [UInt8] = []
    /// The values around the op being run, innermost last.
    private var frames: [TemplateValue]
    private var sequence: (index: Int, isLast: Bool)?
    private var indentation: [UInt8] = []

    init(root: TemplateValue) {
        frames = [root]
        frames.reserveCapacity(8)
        output.reserveCapacity(16_384)
    }

    /// The program's tables as rendering reads them: by index, without counting references.
    private struct Code {
        let instructions: UnsafeBufferPointer<TemplateProgram.Instruction>
        let text: UnsafeBufferPointer<UInt8>
        let lookups: UnsafeBufferPointer<TemplateProgram.Lookup>
        let candidates: UnsafeBufferPointer<TemplateProgram.Candidate>
        let constants: UnsafeBufferPointer<TemplateValue>
        let transforms: UnsafeBufferPointer<TemplateTransform>
        let indentations: UnsafeBufferPointer<[UInt8]>
    }

    mutating func run(_ program: TemplateProgram) {
        program.code.withUnsafeBufferPointer { instructions in
            program.text.withUnsafeBufferPointer { text in
                program.lookups.withUnsafeBufferPointer { lookups in
                    program.candidates.withUnsafeBufferPointer { candidates in
                        program.constants.withUnsafeBufferPointer { constants in
                            program.transforms.withUnsafeBufferPointer { transforms in
                                program.indentations.withUnsafeBufferPointer { indentations in
                                    run(Code(instructions: instructions, text: text, lookups: lookups, candidates: candidates,
                                             constants: constants, transforms: transforms, indentations: indentations),
                                        from: 0, to: instructions.count)
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Runs the instructions from `from` to `to`, each with its body: a template, a section's body or a partial.
    private mutating func run(_ code: Code, from: Int, to: Int) {
        var index = from
        guard !indentation.isEmpty else {
            while index < to { index = step(code, at: index) }
            return
        }
        // swift-mustache starts each piece that follows a line end in this template's own
        // output with the indentation.
        let start = output.count
        while index < to {
            let afterLineEnd = output.count > start && output.last == UInt8(ascii: "\n")
            let opStart = output.count
            index = step(code, at: index)
            if afterLineEnd, output.count > opStart { output.insert(contentsOf: indentation, at: opStart) }
        }
    }

    /// Runs the instruction at `index` with its body; returns where the next one starts.
    private mutating func step(_ code: Code, at index: Int) -> Int {
        switch code.instructions[index] {
        case .text(let start, let end):
            output.append(contentsOf: UnsafeBufferPointer(rebasing: code.text[Int(start)..<Int(end)]))
            return index + 1
        case .value(let operand, let escaped):
            write(value(of: operand, code), escaped: escaped)
            return index + 1
        case .section(let operand, let end):
            let body = (from: index + 1, to: Int(end))
            switch value(of: operand, code) {
            case .absent:
                break
            case .flag(let flag):
                if flag { run(code, from: body.from, to: body.to) }
            case .list(let list):
                let outer = sequence
                for element in 0..<list.count {
                    frames.append(.entry(list, element))
                    sequence = (element, element == list.count - 1)
                    run(code, from: body.from, to: body.to)
                    frames.removeLast()
                }
                sequence = outer
            case let value:
                run(code, from: body.from, to: body.to, pushing: value)
            }
            return body.to
        case .inverted(let operand, let end):
            let body = (from: index + 1, to: Int(end))
            switch value(of: operand, code) {
            case .absent: run(code, from: body.from, to: body.to)
            case .flag(let flag): if !flag { run(code, from: body.from, to: body.to) }
            case .list(let list): if list.count == 0 { run(code, from: body.from, to: body.to, pushing: .list(list)) }
            default: break
            }
            return body.to
        case .included(let number, let end):
            let (outerSequence, outerIndentation) = (sequence, indentation)
            (sequence, indentation) = (nil, code.indentations[Int(number)])
            run(code, from: index + 1, to: Int(end))
            (sequence, indentation) = (outerSequence, outerIndentation)
            return Int(end)
        }
    }

    private mutating func run(_ code: Code, from: Int, to: Int, pushing value: TemplateValue) {
        let outer = sequence
        sequence = nil
        frames.append(value)
        run(code, from: from, to: to)
        frames.removeLast()
        sequence = outer
    }

    private func value(of operand: TemplateProgram.Operand, _ code: Code) -> TemplateValue {
        switch operand {
        case .field(let depth, let path):
            return frames[frames.count - 1 - Int(depth)].field(at: path) ?? .absent
        case .lookup(let number):
            return resolve(code.lookups[Int(number)], code)
        }
    }

    private func resolve(_ lookup: TemplateProgram.Lookup, _ code: Code) -> TemplateValue {
        var value: TemplateValue
        switch lookup.source {
        case .top:
            value = frames[frames.count - 1].resolved
        case .sequence:
            guard sequence != nil else { return .absent }
            value = .absent
        case .field(let depth, let path):
            value = frames[frames.count - 1 - Int(depth)].field(at: path) ?? .absent
        case .constant(let number):
            value = code.constants[Int(number)]
        case .candidates(let start, let end):
            value = find(code.candidates[Int(start)..<Int(end)], code)
        }
        for index in Int(lookup.transforms.start)..<Int(lookup.transforms.end) {
            value = code.transforms[index].apply(to: value, sequence: sequence)
        }
        return value
    }

    private func find(_ candidates: Slice<UnsafeBufferPointer<TemplateProgram.Candidate>>, _ code: Code) -> TemplateValue {
        for candidate in candidates {
            switch candidate {
            case .constant(let number):
                return code.constants[Int(number)]
            case .field(let depth, let path, let optionalHead, let resolvable):
                // A value without fields (a text in a list of texts) is passed over.
                let frame = frames[frames.count - 1 - Int(depth)]
                guard optionalHead else {
                    guard let value = frame.field(at: resolvable ? path : path.prefixOne()) else { continue }
                    return resolvable ? value : .absent
                }
                guard let head = frame.field(at: path.prefixOne()) else { continue }
                if case .absent = head { continue }
                guard resolvable else { return .absent }
                guard path.count > 1 else { return head }
                guard case .model(let inner) = head else { return .absent }
                return inner.value(at: path.dropFirst())
            }
        }
        return .absent
    }

    /// Consumed: the text is read where it is, not copied out of the value first.
    private mutating func write(_ value: consuming TemplateValue, escaped: Bool) {
        switch consume value {
        case .text(let text), .html(let text):
            if escaped { appendEscaped(text) } else { output.append(contentsOf: text.utf8) }
        case .htmlBytes(let bytes):
            if escaped { appendEscaped(String(decoding: bytes, as: UTF8.self)) } else { output.append(contentsOf: bytes) }
        case .number(let number):
            output.append(contentsOf: String(number).utf8)
        case .flag(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .entry(let list, let index):
            write(list.element(at: index), escaped: escaped)
        case .absent, .model, .list, .strings:
            break // the compiler lets no tag write a value with fields
        }
    }

    private mutating func appendEscaped(_ text: consuming String) {
        Self.appendEscaped(text, to: &output)
    }

    /// One pass over the UTF-8 bytes, with swift-mustache's entities; an escaped character is
    /// escaped whatever follows it (swift-mustache compares whole characters, so it left a
    /// quote with a combining mark after it as it was).
    static func appendEscaped(_ text: consuming String, to output: inout [UInt8]) {
        text.withUTF8 { bytes in
            var start = 0
            for index in 0..<bytes.count {
                let entity: StaticString
                switch bytes[index] {
                case UInt8(ascii: "&"): entity = "&amp;"
                case UInt8(ascii: "<"): entity = "&lt;"
                case UInt8(ascii: ">"): entity = "&gt;"
                case UInt8(ascii: "\""): entity = "&quot;"
                case UInt8(ascii: "'"): entity = "&#39;"
                default: continue
                }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                entity.withUTF8Buffer { output.append(contentsOf: $0) }
                start = index + 1
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
    }
}

import Foundation
