/* The part of libvips (and of GLib, which it brings) that sitegen uses.

   Declared here rather than by including <vips/vips.h>: that header needs GLib's include
   folders, which only pkg-config knows, and SwiftPM warns on every build about the `-pthread`
   flag GLib's pkg-config file adds. The enum values are those of libvips 8.x and GLib 2.x;
   MediaTests checks them against the installed library by their names.

   libvips takes options as variadic arguments ending in NULL, which Swift cannot pass: each
   call sitegen makes is spelled out below, and only the Media module uses them. */
#include <stddef.h>

typedef struct _VipsImage VipsImage;
typedef struct _VipsArea VipsArea;
typedef unsigned long GType;

enum { SITEGEN_VIPS_SIZE_BOTH = 0, SITEGEN_VIPS_SIZE_DOWN = 2 };
enum { SITEGEN_VIPS_INTERESTING_ATTENTION = 3 };
enum { SITEGEN_VIPS_FAIL_ON_ERROR = 2 };
enum { SITEGEN_G_CHECKSUM_SHA256 = 2 };
#define SITEGEN_VIPS_MAX_COORD 10000000

int vips_init(const char *argv0);
void vips_cache_set_max(int max);
const char *vips_error_buffer(void);
void vips_error_clear(void);
const char *vips_enum_nick(GType enm, int value);
GType vips_size_get_type(void);
GType vips_interesting_get_type(void);
GType vips_fail_on_get_type(void);

VipsImage *vips_image_new_from_file(const char *name, ...);
VipsImage *vips_image_copy_memory(VipsImage *image);
int vips_image_get_width(const VipsImage *image);
int vips_image_get_height(const VipsImage *image);
int vips_image_hasalpha(VipsImage *image);
char **vips_image_get_fields(VipsImage *image);
int vips_image_get_as_string(const VipsImage *image, const char *name, char **out);
int vips_copy(VipsImage *in, VipsImage **out, ...);
int vips_image_remove(VipsImage *image, const char *name);
int vips_thumbnail_image(VipsImage *in, VipsImage **out, int width, ...);
int vips_flatten(VipsImage *in, VipsImage **out, ...);
int vips_webpsave(VipsImage *in, const char *filename, ...);
int vips_jpegsave(VipsImage *in, const char *filename, ...);
VipsArea *vips_array_double_newv(int n, ...);
void vips_area_unref(VipsArea *area);

void g_object_unref(void *object);
void g_free(void *memory);
void g_strfreev(char **strings);
char *g_compute_checksum_for_data(int checksum_type, const unsigned char *data, size_t length);

/* Opens a file; a corrupt or truncated one fails when its pixels are read. */
static inline VipsImage *sitegen_vips_open(const char *path) {
    return vips_image_new_from_file(path, "fail_on", SITEGEN_VIPS_FAIL_ON_ERROR, NULL);
}

/* At most `width` wide, never larger than the original; turned upright and made sRGB. */
static inline int sitegen_vips_shrink(VipsImage *in, VipsImage **out, int width) {
    return vips_thumbnail_image(in, out, width, "height", SITEGEN_VIPS_MAX_COORD, "size", SITEGEN_VIPS_SIZE_DOWN, NULL);
}

/* Exactly width x height, cut around the part of the picture that draws the eye. */
static inline int sitegen_vips_crop(VipsImage *in, VipsImage **out, int width, int height) {
    return vips_thumbnail_image(in, out, width, "height", height, "crop", SITEGEN_VIPS_INTERESTING_ATTENTION,
                                "size", SITEGEN_VIPS_SIZE_BOTH, NULL);
}

/* Transparency onto white, for JPEG. */
static inline int sitegen_vips_flatten(VipsImage *in, VipsImage **out) {
    VipsArea *white = vips_array_double_newv(3, 255.0, 255.0, 255.0);
    int result = vips_flatten(in, out, "background", white, NULL);
    vips_area_unref(white);
    return result;
}

/* A copy with every metadata field (EXIF with its GPS position, XMP, IPTC, the ICC profile,
   comments) removed, and the savers' own `strip` asked for. libvips 8.14's WebP saver still
   writes an EXIF block of its own making: Media's WebPContainer takes it out. */
static inline int sitegen_vips_without_metadata(VipsImage *in, VipsImage **out) {
    if (vips_copy(in, out, NULL) != 0) return -1;
    char **fields = vips_image_get_fields(*out);
    for (int i = 0; fields && fields[i]; i++) vips_image_remove(*out, fields[i]);
    g_strfreev(fields);
    return 0;
}

static inline int sitegen_vips_save_webp(VipsImage *in, const char *path, int quality) {
    return vips_webpsave(in, path, "Q", quality, "strip", 1, NULL);
}

static inline int sitegen_vips_save_jpeg(VipsImage *in, const char *path, int quality) {
    return vips_jpegsave(in, path, "Q", quality, "strip", 1, "optimize_coding", 1, "interlace", 1, NULL);
}

static inline void sitegen_vips_release(VipsImage *image) {
    g_object_unref(image);
}
