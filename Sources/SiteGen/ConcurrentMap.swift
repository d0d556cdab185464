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
            return results.flatMap { $0 }
        }
    }
}
