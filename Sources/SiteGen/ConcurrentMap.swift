import Foundation

/// Parallel work across cores with results in input order, so output never depends on scheduling.
extension Array where Element: Sendable {
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        await concurrentChunks { chunk in chunk.map(transform) }
    }

    /// Hands each task a whole chunk, for work that needs per-task set-up (a template context).
    func concurrentChunks<T: Sendable>(_ transform: @escaping @Sendable (ArraySlice<Element>) -> [T]) async -> [T] {
        guard count > 1 else { return transform(self[...]) }
        return await Self.inOrder(Self.chunks(count)) { _, range in transform(self[range]) }
    }

    /// Small chunks (a few dozen items) so one heavy item, such as the timeline page, does not
    /// hold back a whole core's share; at least a few per core for small inputs.
    static func chunks(_ count: Int) -> [Range<Int>] {
        guard count > 0 else { return [] }
        let chunkCount = Swift.min(count, Swift.max(ProcessInfo.processInfo.activeProcessorCount * 4, count / 32))
        let chunkSize = (count + chunkCount - 1) / chunkCount
        return stride(from: 0, to: count, by: chunkSize).map { $0..<Swift.min($0 + chunkSize, count) }
    }

    /// `work` for each chunk (its number and range) in a task of its own, the results joined in
    /// the chunks' order.
    static func inOrder<T: Sendable>(_ chunks: [Range<Int>], _ work: @escaping @Sendable (_ number: Int, _ range: Range<Int>) -> [T]) async -> [T] {
        await withTaskGroup(of: (Int, [T]).self) { group in
            for (number, range) in chunks.enumerated() {
                group.addTask { (number, work(number, range)) }
            }
            var results = [[T]](repeating: [], count: chunks.count)
            for await (number, values) in group {
                results[number] = values
            }
            return joined(results)
        }
    }

    /// The chunks' results one after another, each element moved into place, not copied: a
    /// copy counted every string of a loaded article or a rendered page in and out again, on
    /// one core, between stages that use both. `popLast` hands over the last element of an
    /// array whose buffer is this one's alone, so the chunks are emptied from the back.
    private static func joined<T>(_ chunks: consuming [[T]]) -> [T] {
        let total = chunks.reduce(0) { $0 + $1.count }
        return [T](unsafeUninitializedCapacity: total) { buffer, initialized in
            var end = total
            for number in chunks.indices.reversed() {
                var chunk: [T] = []
                swap(&chunk, &chunks[number])
                while let element = chunk.popLast() {
                    end -= 1
                    (buffer.baseAddress! + end).initialize(to: element)
                }
            }
            initialized = total
        }
    }
}
