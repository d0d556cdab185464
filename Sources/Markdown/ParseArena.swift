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
            calloc: { count, size in Arena.withCurrent { $0.allocate(count * size, zeroed: true) } },
            realloc: { pointer, size in Arena.withCurrent { $0.reallocate(pointer, to: size) } },
            free: { _ in }))
        return memory
    }()

    /// Where the current thread's arena stands.
    static func mark() -> Arena.Mark { Arena.withCurrent(\.mark) }

    /// Gives back everything taken since `mark`.
    static func release(to mark: Arena.Mark) { Arena.withCurrent { $0.release(to: mark) } }

    final class Arena {
        struct Mark {
            fileprivate let chunk: Int
            fileprivate let offset: Int
        }

        /// Blocks of memory, the last one being filled.
        private var chunks: [(base: UnsafeMutableRawPointer, size: Int)] = []
        /// The last chunk's, apart: an allocation reads only these, not the array.
        private var base: UnsafeMutableRawPointer?
        private var size = 0
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

        /// The current thread's arena, lent without a retain and a release: cmark asks for
        /// memory for every node and string it makes.
        static func withCurrent<Result>(_ body: (Arena) -> Result) -> Result {
            let stored = pthread_getspecific(key) ?? {
                let arena = Unmanaged.passRetained(Arena()).toOpaque()
                pthread_setspecific(key, arena)
                return arena
            }()
            return Unmanaged<Arena>.fromOpaque(stored)._withUnsafeGuaranteedRef(body)
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
            (base, size) = chunks.last.map { ($0.base, $0.size) } ?? (nil, 0)
            offset = mark.chunk < 0 ? 0 : (chunks.count - 1 == mark.chunk ? mark.offset : 0)
        }

        func allocate(_ size: Int, zeroed: Bool) -> UnsafeMutableRawPointer? {
            let needed = (Self.header + size + 15) & ~15
            if base == nil || offset + needed > self.size {
                let chunkSize = max(Self.chunkSize, needed)
                guard let fresh = malloc(chunkSize) else { return nil }
                chunks.append((fresh, chunkSize))
                (base, self.size, offset) = (fresh, chunkSize, 0)
            }
            let block = base! + offset
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
