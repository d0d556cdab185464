/// Which files in content/ are photos: sitegen publishes them resized, with their metadata
/// stripped, and never as they are (their EXIF may hold where they were taken).
enum ImageFiles {
    static let photoExtensions: Set<String> = ["jpg", "jpeg", "png", "webp", "tif", "tiff", "heic", "heif", "avif"]

    static func isPhoto(_ path: String) -> Bool {
        guard let dot = path.lastIndex(of: "."), !path[dot...].contains("/") else { return false }
        return photoExtensions.contains(path[path.index(after: dot)...].lowercased())
    }
}
