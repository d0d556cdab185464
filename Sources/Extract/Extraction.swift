/// What `sitegen extract` found in one or more texts, ready to write or print.
public struct Extraction: Sendable {
    public struct Event: Sendable {
        public var id: String
        public var title: String
        public var time: EventTime
        /// ISO 8601 as the events file writes it: a day, or a time with its offset.
        public var date: String
        /// Ids in content/places.yaml (existing or added by this extraction), in the text's order.
        public var places: [String]
        public var sources: [SourceChain]
        public var status: String
        /// The sentences the event came from, as Markdown.
        public var body: String
        public var input: String
        public var line: Int
        public var column: Int
    }

    /// A place of the site's places.yaml, or one the gazetteer adds (`isNew`).
    public struct Place: Sendable {
        public var id: String
        public var name: String
        public var latitude: Double
        public var longitude: Double
        public var precision: String
        public var timeZone: String?
        /// ISO 3166-1 of a gazetteer place; the site's places do not say.
        public var country: String? = nil
        public var isNew = false
    }

    public struct Term: Sendable {
        public var name: String
        public var known: Bool
        public var slug: String?
        public var expansion: String?
        public var sentence: String
        public var input: String
        public var line: Int
    }

    /// `input:line:col: warning: message`, for everything the editor should look at.
    public struct Warning: Sendable, CustomStringConvertible {
        public var input: String
        public var line: Int
        public var column: Int
        public var message: String

        public var description: String { "\(input):\(line):\(column): warning: \(message)" }
    }

    public var events: [Event] = []
    /// The publication day of the first input: the events file is named after it.
    public var published: CalendarDay?
    public var places: [Place] = []
    /// Every source named, originators and the agencies in their chains, sorted.
    public var sources: [String] = []
    public var terms: [Term] = []
    public var warnings: [Warning] = []
}

/// Why extraction could not start: no publication date, an unreadable `--published`.
public struct ExtractionError: Error, CustomStringConvertible {
    public var description: String
}
