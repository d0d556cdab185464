import Foundation
@testable import SiteGen
import SiteGenTestSupport
import Testing

/// Every `{{name}}` a template uses must be a field of the value it is rendered with
/// (Render/Contract/), checked when the templates load; Templates/README.md lists the fields.
@Suite("Template contract")
struct TemplateContractTests {
    /// The diagnostics of a site whose templates are the repository's with `templates` written over them.
    private func problems(_ templates: String) async throws -> [String] {
        let site = try TestSite(Sites.archive(templates), templates: .repositoryOverlaid)
        return try #require(await site.buildFailure())
    }

    @Test func aNameTheViewModelLacksIsReportedAtItsTagWithTheClosestField() async throws {
        let reported = try await problems("""
            -- Templates/tag.mustache --
            {{<layout}}
            {{$main}}
            <h1>{{t.tags.tag}}: {{tag.nmae}}</h1>
            {{#articles}}{{{htm}}}{{/articles}}
            {{/main}}
            {{/layout}}
            """)
        #expect(reported == [
            "Templates/tag.mustache:3:21: error: the tag template has no field `tag.nmae`; did you mean `tag.name`?",
            "Templates/tag.mustache:4:14: error: the tag template has no field `htm`; did you mean `html`?",
        ])
    }

    @Test func partialsAreCheckedWithTheValuesWhereTheyAreUsed() async throws {
        // partials/status reads `status.label`: an event has it, the front page does not.
        let reported = try await problems("""
            -- Templates/page.mustache --
            {{<layout}}
            {{$main}}
            <h1>{{title}}</h1>
            {{>partials/status}}
            {{/main}}
            {{/layout}}
            """)
        #expect(reported == [
            "Templates/partials/status.mustache:1:27: error: the page template has no field `status.value`",
            "Templates/partials/status.mustache:1:45: error: the page template has no field `status.label`",
        ])
    }

    @Test func namesOfEnclosingValuesAndOfTheStringsFileResolve() async throws {
        let site = try TestSite(Sites.archive("""
            -- Templates/event.mustache --
            {{<layout}}
            {{$main}}
            {{#event}}{{#place}}<a href="{{timelineHref}}">{{name}} {{t.event.place}}</a>{{/place}}{{/event}}
            {{#nav}}{{label}}{{^last()}}, {{/last()}}{{/nav}}
            {{=<% %>=}}<%site.title%>
            <%/main%>
            {{/layout}}
            """), templates: .repositoryOverlaid)
        _ = try await site.build()
    }

    @Test func textMustBeEscapedAndHTMLMustNot() async throws {
        let reported = try await problems("""
            -- Templates/page.mustache --
            {{<layout}}
            {{$main}}
            <h1>{{{title}}}</h1>
            {{body}}
            {{page}}
            {{{t.nav.home}}}
            {{/main}}
            {{/layout}}
            """)
        #expect(reported == [
            "Templates/page.mustache:3:5: error: `title` is text; write `{{title}}`, so that it is escaped",
            "Templates/page.mustache:4:1: error: `body` is HTML; write `{{{body}}}`, or its markup shows as text",
            "Templates/page.mustache:5:1: error: `page` holds fields, not text; show them inside `{{#page}}…{{/page}}`",
            "Templates/page.mustache:6:1: error: `t.nav.home` is text; write `{{t.nav.home}}`, so that it is escaped",
        ])
    }

    @Test func stringsAndTransformsAreChecked() async throws {
        let reported = try await problems("""
            -- Templates/404.mustache --
            {{<layout}}
            {{$main}}
            <p>{{t.notFound.txt}}</p>
            {{^empty(nav)}}{{last()}}{{/empty(nav)}}
            {{#nav}}{{#lst()}}.{{/lst()}}{{/nav}}
            {{/main}}
            {{/layout}}
            """)
        #expect(reported == [
            "Templates/404.mustache:3:4: error: the 404 template has no field `t.notFound.txt`; did you mean `t.notFound.text`?",
            "Templates/404.mustache:4:16: error: `last()` works only directly inside a list's `{{#…}}` section",
            "Templates/404.mustache:5:9: error: no transform `lst()` for a list's entries; swift-mustache has `empty()`, `count()`, `first()` and `last()` for a list, and `first()`, `last()` and `index()` for its entries",
        ])
    }

    /// Templates/README.md is written from the view models; `RECORD_GOLDEN=1` rewrites it.
    @Test func theFieldReferenceInTemplatesIsCurrent() throws {
        let file = RepositoryPaths.root.appendingPathComponent(TemplateReference.path)
        let generated = TemplateReference.markdown()
        if GoldenFiles.isRecording {
            try generated.write(to: file, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOf: file, encoding: .utf8)
        #expect(committed == generated, """
            \(TemplateReference.path) is not what the view models say; rerun with RECORD_GOLDEN=1, then python3 scripts/embed-templates.py:
            \(LineDiff.unified(expected: generated, actual: committed, expectedName: "generated", actualName: TemplateReference.path))
            """)
    }
}
