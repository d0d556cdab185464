import Mustache
@testable import SiteGen
import Testing

/// sitegen renders templates with its own compiled engine (`TemplateCompiler`,
/// `TemplateRenderer`); swift-mustache, which still reads every template first, is the
/// reference: the same templates and values must give the same bytes.
@Suite("Compiled templates against swift-mustache")
struct MustacheDifferentialTests {
    struct Item: ViewModel {
        var name: String
        var note: String?
        static let about = "An item."
        static let fields: [Field<Self>] = [
            .text("name", "") { $0.name },
            .optionalText("note", "") { $0.note },
        ]
    }

    struct Model: ViewModel {
        var title = "Tom & Jerry's \"<b>\""
        var html = "<em>safe</em>"
        var flag = true
        var off = false
        var count = 3
        var note: String? = "outer note"
        var items = [Item(name: "a", note: nil), Item(name: "b<", note: "inner"), Item(name: "c", note: nil)]
        var none: [Item] = []
        var words = ["x", "y"]
        var child: Item? = Item(name: "child", note: nil)
        var missing: Item?
        static let about = "The test's value."
        static let fields: [Field<Self>] = [
            .text("title", "") { $0.title },
            .html("html", "") { $0.html },
            .flag("flag", "") { $0.flag },
            .flag("off", "") { $0.off },
            .number("count", "") { $0.count },
            .optionalText("note", "") { $0.note },
            .list("items", "") { $0.items },
            .list("none", "") { $0.none },
            .texts("words", "") { $0.words },
            .optionalModel("child", "") { $0.child },
            .optionalModel("missing", "") { $0.missing },
        ]
    }

    static let partials = [
        "part": "x\n{{#items}}\n  - {{name}}\n{{/items}}\ny\n",
        "parent": "<head>{{$head}}default head{{/head}}</head>\n  {{$body}}\n  default body\n  {{/body}}\nend\n",
    ]

    static let cases: [String] = [
        "{{title}} {{{html}}} {{&html}} {{count}} {{flag}}\n",
        "{{#items}}\n  {{name}}\n{{/items}}\n",
        "a {{#flag}}b{{/flag}} c {{#off}}d{{/off}}{{^off}}e{{/off}}\n",
        "{{^none}}none{{/none}}{{^empty(items)}}some{{/empty(items)}}{{#empty(none)}} empty{{/empty(none)}}\n",
        "{{#items}}{{name}}{{^last()}}, {{/last()}}{{/items}}|{{#items}}{{#first()}}[{{/first()}}{{index()}}{{/items}}\n",
        "  {{>part}}\n{{>part}}",
        "{{! a comment }}\n  {{! standalone }}\nz {{! inline }} z\n",
        "{{=<% %>=}}\n<% title %>\n<%={{ }}=%>{{count}}\n",
        "{{<parent}}\n{{$head}}A {{title}}{{/head}}\n{{/parent}}\n",
        "{{<parent}}\n  {{$body}}\n    indented {{count}}\n  {{/body}}\n{{/parent}}\n",
        "{{#items}}{{note}};{{/items}}\n",
        "{{#child}}{{name}} {{note}} {{title}}{{/child}}{{#missing}}never{{/missing}}{{^missing}}absent{{/missing}}\n",
        "{{#words}}<{{.}}>{{/words}} {{#count}}{{.}}{{/count}} {{child.name}} {{missing.name}}.\n",
        "{{count(items)}} {{#first(items)}}{{name}}{{/first(items)}} {{#reversed(items)}}{{name}}{{/reversed(items)}} {{uppercased(title)}}\n",
        "  {{#flag}}  \n  inside\n  {{/flag}}  \n\t{{^flag}}\nno\n{{/flag}}\n",
    ]

    @Test(arguments: cases.indices)
    func rendersAsSwiftMustacheDoes(_ number: Int) throws {
        let texts = Self.partials.merging(["main": Self.cases[number]]) { $1 }
        var library = MustacheLibrary()
        var parsed: [String: (path: String, nodes: [MustacheNode])] = [:]
        for (name, text) in texts {
            library.register(try MustacheTemplate(string: text), named: name)
            parsed[name] = ("\(name).mustache", try MustacheParser.parse(text, path: "\(name).mustache"))
        }
        let main = Template<Model>(name: "main", renders: "the test")
        let (compiled, problems) = TemplateCompiler.compile(parsed, strings: Strings(text: [:], lists: [:]), templates: [main.described])
        #expect(problems.map(\.description) == [])
        let expected = library.render(Model(), withTemplate: "main") ?? ""
        #expect(compiled.render(Model(), with: main) == expected, "template: \(Self.cases[number].debugDescription)")
    }
}
