import Markdown
import Testing

/// A large site holds millions of nodes at once (a build's peak memory is mostly its trees),
/// and every node of an array takes the room of its type's largest direct case.
@Suite("Node sizes")
struct NodeSizeTests {
    @Test("A node is no larger than a string: larger payloads are boxed")
    func nodesAreAsSmallAsAString() {
        #expect(MemoryLayout<InlineNode>.stride <= MemoryLayout<String>.stride)
        #expect(MemoryLayout<BlockNode>.stride <= MemoryLayout<String>.stride)
    }
}
