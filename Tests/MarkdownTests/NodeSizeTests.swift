import Markdown
import Testing

/// A large site holds millions of nodes at once (a build's peak memory is mostly its trees),
/// and every node of an array takes the room of its type's largest direct case.
@Suite("Node sizes")
struct NodeSizeTests {
    @Test("A node is a string and its case, no more: larger payloads are boxed")
    func nodesAreAsSmallAsAString() {
        // The case tag takes a byte, padded to the next word.
        let stringAndTag = MemoryLayout<String>.stride + MemoryLayout<Int>.stride
        #expect(MemoryLayout<InlineNode>.stride <= stringAndTag)
        #expect(MemoryLayout<BlockNode>.stride <= stringAndTag)
    }
}
