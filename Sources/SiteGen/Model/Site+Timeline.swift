/// The timeline's views of the events: key moments, per place, per tag, and what is new.
extension Site {
    /// Indices of the key moments (`key: true`), in timeline order.
    public var keyEventIndices: [Int] {
        events.indices.filter { events[$0].isKey }
    }

    /// Ids from places.yaml that at least one event names, sorted so pages come in a fixed order.
    /// Inline places (coordinates in the event) have no id to put in a URL, so they get no page.
    public var eventPlaceIDs: [String] {
        // Every timeline page lists them: one set, without an array per event.
        var ids = Set<String>()
        // By index: a `for` over the events copied each one whole.
        for index in events.indices {
            for id in events[index].placeIDs where places[id.value] != nil { ids.insert(id.value) }
        }
        return ids.sorted()
    }

    public func eventIndices(atPlace id: String) -> [Int] {
        events.indices.filter { events[$0].names(place: id) }
    }

    /// Tags that at least one event carries, as indices into `tags`.
    public var eventTagIndices: [Int] {
        tags.indices.filter { !tags[$0].eventIndices.isEmpty }
    }

    /// Added or changed (`updated`, else `date`) in the `newWindow` (24 hours unless site.yaml
    /// says otherwise) up to the build time.
    /// A date without a clock time counts from midnight on the readers' clock.
    public func isNew(_ event: Event) -> Bool {
        guard let buildTime else { return false }
        let changed = event.updated ?? event.date
        let siteOffset = { (date: ContentDate) in ZoneOffsets.offset(of: config.timeZone, atInstant: date.instant()) ?? 0 }
        let age = buildTime.instant(fallbackOffset: siteOffset(buildTime)) - changed.instant(fallbackOffset: siteOffset(changed))
        return (0..<config.newWindow).contains(age)
    }

    /// An event's `end` on the same local clock as its date.
    public func localEnd(of event: Event) -> ContentDate? {
        event.end.map { EventOrder.onLocalClock($0.value, of: event, places: places) }
    }

    /// The name of the clock an event's local time is read on: its place's name, if any.
    public func clockName(of event: Event) -> String? {
        place(of: event)?.name
    }
}
