import Testing
@testable import SiteGen

@Suite("Did-you-mean suggestions")
struct SuggestionClosestTests {
    private let keys = ["title", "date", "summary", "tags", "draft", "places", "sources"]

    @Test("A misspelt word gets the close candidate", arguments: [
        ("titel", "title"),
        ("dato", "date"),
        ("sumary", "summary"),
        ("tag", "tags"),
        ("Title", "title"),
        ("sorces", "sources"),
    ])
    func closeWords(word: String, expected: String) {
        #expect(Suggestion.closest(to: word, among: keys) == expected)
    }

    @Test("A word far from every candidate gets no suggestion", arguments: ["banana", "x", "description", "author"])
    func farWords(word: String) {
        #expect(Suggestion.closest(to: word, among: keys) == nil)
    }

    @Test("The nearest of several candidates wins")
    func nearestWins() {
        #expect(Suggestion.closest(to: "plase", among: ["place", "places"]) == "place")
    }

    @Test("No candidates, no suggestion")
    func noCandidates() {
        #expect(Suggestion.closest(to: "title", among: [String]()) == nil)
    }
}
