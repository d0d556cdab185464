#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Ccmark

/// The memory cmark parses into: a bump arena per thread, let go in one step when the tree has
/// been read. cmark makes a node, a buffer and a string with `calloc` and `realloc` for
/// everything it reads and frees each again one by one; with a large site's texts that was a
/// good share of loading it, and of its lock traffic between cores.
///
/// A parse runs on one thread from start to end (`withTree` never suspends), and parses nest
/// (a table's cells are parsed while the document's tree is read): each gives back only what
/// was taken after its `mark`.
enum ParseArena {
    /// What cmark is given; it keeps the pointer in every node, so it lives as long as the process.
    nonisolated(unsafe) static let memory: UnsafeMutablePointer<cmark_mem> = {
        let memory = UnsafeMutablePointer<cmark_mem>.allocate(capacity: 1)
        memory.initialize(to: cmark_mem(
            calloc: { count, size in Arena.current.allocate(count * size, zeroed: true) },
            realloc: { pointer, size in Arena.current.reallocate(pointer, to: size) },
            free: { _ in }))
        return memory
    }()

    /// Where the current thread's arena stands.
    static func mark() -> Arena.Mark { Arena.current.mark }

    /// Gives back everything taken since `mark`.
    static func release(to mark: Arena.Mark) { Arena.current.release(to: mark) }

    final class Arena {
        struct Mark {
            fileprivate let chunk: Int
            fileprivate let offset: Int
        }

        /// Blocks of memory, the last one being filled.
        private var chunks: [(base: UnsafeMutableRawPointer, size: Int)] = []
        private var offset = 0
        private static let chunkSize = 1 << 18
        /// Each allocation is preceded by its size, which `reallocate` copies; 16 keeps alignment.
        private static let header = 16

        private static let key: pthread_key_t = {
            var key = pthread_key_t()
            pthread_key_create(&key) { arena in
                guard let arena else { return }
                Unmanaged<Arena>.fromOpaque(arena).release()
            }
            return key
        }()

        static var current: Arena {
            if let stored = pthread_getspecific(key) { return Unmanaged<Arena>.fromOpaque(stored).takeUnretainedValue() }
            let arena = Arena()
            pthread_setspecific(key, Unmanaged.passRetained(arena).toOpaque())
            return arena
        }

        deinit {
            for chunk in chunks { free(chunk.base) }
        }

        var mark: Mark { Mark(chunk: chunks.count - 1, offset: offset) }

        func release(to mark: Mark) {
            // Chunks after the mark's are freed, except one kept for the next parse.
            while chunks.count - 1 > max(mark.chunk, 0) {
                free(chunks.removeLast().base)
            }
            offset = mark.chunk < 0 ? 0 : (chunks.count - 1 == mark.chunk ? mark.offset : 0)
        }

        func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
            let needed = (Self.header + size + 15) & ~15
            if chunks.isEmpty || offset + needed > chunks[chunks.count - 1].size {
                let chunkSize = max(Self.chunkSize, needed)
                guard let base = malloc(chunkSize) else { return nil }
                chunks.append((base, chunkSize))
                offset = 0
            }
            let block = chunks[chunks.count - 1].base + offset
            offset += needed
            block.storeBytes(of: size, as: Int.self)
            let pointer = block + Self.header
            if zeroed { memset(pointer, 0, size) }
            return pointer
        }

        func reallocate(_ pointer: UnsafeMutableRawPointer?, to size: Int) -> UnsafeMutableRawPointer? {
            guard let pointer else { return allocate(size, zeroed: false) }
            let old = (pointer - Self.header).load(as: Int.self)
            guard size > old else { return pointer }
            guard let moved = allocate(size, zeroed: false) else { return nil }
            memcpy(moved, pointer, old)
            return moved
        }
    }
}
