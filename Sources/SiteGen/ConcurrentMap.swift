import Foundation

/// Parallel work across cores with results in input order, so output never depends on scheduling.
extension Array where Element: Sendable {
    func concurrentMap<T: Sendable>(_ transform: @escaping @Sendable (Element) -> T) async -> [T] {
        await concurrentChunks { chunk in chunk.map(transform) }
    }

    /// Hands each task a whole chunk, for work that needs per-task set-up (a template context).
    func concurrentChunks<T: Sendable>(_ transform: @escaping @Sendable (ArraySlice<Element>) -> [T]) async -> [T] {
        guard count > 1 else { return transform(self[...]) }
        // Small chunks (a few dozen items) so one heavy item, such as the timeline page, does not
        // hold back a whole core's share; at least a few per core for small inputs.
        let chunkCount = Swift.min(count, Swift.max(ProcessInfo.processInfo.activeProcessorCount * 4, count / 32))
        let chunkSize = (count + chunkCount - 1) / chunkCount
        return await withTaskGroup(of: (Int, [T]).self) { group in
            for start in stride(from: 0, to: count, by: chunkSize) {
                let chunk = self[start..<Swift.min(start + chunkSize, count)]
                group.addTask { (start / chunkSize, transform(chunk)) }
            }
            var results = [[T]](repeating: [], count: chunkCount)
            for await (index, values) in group {
                results[index] = values
            }
            return results.flatMap { $0 }
        }
    }
}
