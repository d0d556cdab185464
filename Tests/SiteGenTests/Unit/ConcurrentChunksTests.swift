import Markdown
import Testing
@testable import SiteGen

@Suite("Parallel chunks")
struct ConcurrentChunksTests {
    @Test("The chunks cover every item once, in order, however many there are")
    func chunksCoverEveryItem() {
        for count in [0, 1, 2, 7, 8, 9, 31, 32, 33, 255, 256, 257, 1000, 10_001] {
            let chunks = [Int].chunks(count)
            #expect(chunks.flatMap { Array($0) } == Array(0..<count), "count \(count)")
            #expect(chunks.allSatisfy { !$0.isEmpty }, "count \(count)")
        }
    }

    @Test("Results come in the input's order, whichever task finishes first")
    func resultsKeepTheOrder() async {
        let numbers = Array(0..<5_000)
        #expect(await numbers.concurrentMap { $0 * 2 } == numbers.map { $0 * 2 })
        // Each chunk's first item says which chunk it was: the chunks are joined in order too.
        #expect(await numbers.concurrentChunks { [$0.first!] } == [Int].chunks(numbers.count).map(\.lowerBound))
    }

    @Test("Consuming the bodies: the work sees each tree, in order, with its place")
    func consumingChunksTakeTheTrees() async {
        let bodies = (0..<300).map { number in
            Body(document: MarkdownParser.parse("Tekst nummer \(number).\n"), firstLine: 1)
        }
        let texts = await bodies.consumingChunks { chunk, places in
            zip(chunk, places).map { body, place -> String in
                guard case .paragraph(let inlines) = body.document.blocks.first, case .text(let text) = inlines.first else { return "no text at \(place)" }
                return "\(place): \(text)"
            }
        }
        #expect(texts == (0..<300).map { "\($0): Tekst nummer \($0)." })
    }

    @Test("A handoff gives its value once")
    func handoffGivesItsValueOnce() {
        let handoff = Handoff([1, 2, 3])
        #expect(handoff.take() == [1, 2, 3])
        #expect(handoff.take() == nil)
    }
}
