import Foundation
import SiteGen
import SiteGenTestSupport
import Testing

@Suite("Deeply nested Markdown in a site")
struct DeepNestingSiteTests {
    @Test func aBodyOf13000QuoteMarksBuildsWithAWarningAtItsLine() async throws {
        let site = try TestSite(Sites.archive("""
            -- content/articles/dybt.md --
            ---
            title: Dybt
            date: 2022-01-05
            ---
            Før.

            \(String(repeating: ">", count: 13_000)) bund
            """))
        let summary = try await site.build()
        #expect(summary.warnings.map(\.description) == [
            "content/articles/dybt.md:7:49: warning: quotes, lists or emphasis nest more than 48 levels deep here; "
                + "what lies deeper is shown as plain text. Nest fewer `>`, list levels or `*`"
        ])
        #expect(try site.outputText("artikler/dybt/").contains("bund"))
    }
}
