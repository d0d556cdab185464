/// A value that can go into a fingerprint (`Fingerprint`): everything a view model holds.
/// A page's reuse key is its view model's fingerprint, so whatever a template can show is
/// in the key, and an edit that changes a page changes its key.
protocol Fingerprintable {
    func addFingerprint(to fingerprint: inout Fingerprint)
}

extension String: Fingerprintable {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(text: self) }
}

extension Bool: Fingerprintable {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(self) }
}

extension Int: Fingerprintable {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(self) }
}

extension Fragment: Fingerprintable {
    func addFingerprint(to fingerprint: inout Fingerprint) { fingerprint.add(hash) }
}

extension Optional: Fingerprintable where Wrapped: Fingerprintable {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(self != nil)
        self?.addFingerprint(to: &fingerprint)
    }
}

extension Array: Fingerprintable where Element: Fingerprintable {
    func addFingerprint(to fingerprint: inout Fingerprint) {
        fingerprint.add(count)
        for element in self { element.addFingerprint(to: &fingerprint) }
    }
}
