/* The part of libvips (and of GLib, which it brings) that sitegen uses, loaded when the first
   image is read (`sitegen_vips_load`), not when sitegen starts: libvips brings a hundred
   libraries (cairo, pango, HDF5, X11, ...), and loading them took a twentieth of a small
   site's build, which most builds spend without resizing one photo. A site without photos
   builds where libvips is not installed at all.

   The types and enum values are declared here rather than by including <vips/vips.h>: that
   header needs GLib's include folders, which only pkg-config knows. The enum values are those
   of libvips 8.x and GLib 2.x; MediaTests checks them against the installed library by name.

   libvips takes options as variadic arguments ending in NULL, which Swift cannot pass: each
   call sitegen makes is spelled out in shim.c, and only the Media module uses them. */
#include <stddef.h>

typedef struct _VipsImage VipsImage;
typedef unsigned long GType;

enum { SITEGEN_VIPS_SIZE_BOTH = 0, SITEGEN_VIPS_SIZE_DOWN = 2 };
enum { SITEGEN_VIPS_INTERESTING_ATTENTION = 3 };
enum { SITEGEN_VIPS_FAIL_ON_ERROR = 2 };
enum { SITEGEN_G_CHECKSUM_SHA256 = 2 };
#define SITEGEN_VIPS_MAX_COORD 10000000

/* Loads and starts libvips once per process: 0 when it is ready, else -1, and
   `sitegen_vips_load_error` says why. Every other function needs it to have returned 0. */
int sitegen_vips_load(void);
const char *sitegen_vips_load_error(void);

const char *sitegen_vips_error_buffer(void);
void sitegen_vips_error_clear(void);
const char *sitegen_vips_enum_nick(GType enm, int value);
GType sitegen_vips_size_get_type(void);
GType sitegen_vips_interesting_get_type(void);
GType sitegen_vips_fail_on_get_type(void);

VipsImage *sitegen_vips_image_copy_memory(VipsImage *image);
int sitegen_vips_image_get_width(const VipsImage *image);
int sitegen_vips_image_get_height(const VipsImage *image);
int sitegen_vips_image_hasalpha(VipsImage *image);
char **sitegen_vips_image_get_fields(VipsImage *image);
int sitegen_vips_image_get_as_string(const VipsImage *image, const char *name, char **out);

void sitegen_g_free(void *memory);
void sitegen_g_strfreev(char **strings);
char *sitegen_g_compute_checksum_for_data(int checksum_type, const unsigned char *data, size_t length);

/* Opens a file; a corrupt or truncated one fails when its pixels are read. */
VipsImage *sitegen_vips_open(const char *path);

/* At most `width` wide, never larger than the original; turned upright and made sRGB. */
int sitegen_vips_shrink(VipsImage *in, VipsImage **out, int width);

/* Exactly width x height, cut around the part of the picture that draws the eye. */
int sitegen_vips_crop(VipsImage *in, VipsImage **out, int width, int height);

/* Transparency onto white, for JPEG. */
int sitegen_vips_flatten(VipsImage *in, VipsImage **out);

/* A copy with every metadata field (EXIF with its GPS position, XMP, IPTC, the ICC profile,
   comments) removed, and the savers' own `strip` asked for. libvips 8.14's WebP saver still
   writes an EXIF block of its own making: Media's WebPContainer takes it out. */
int sitegen_vips_without_metadata(VipsImage *in, VipsImage **out);

int sitegen_vips_save_webp(VipsImage *in, const char *path, int quality);
int sitegen_vips_save_jpeg(VipsImage *in, const char *path, int quality);

void sitegen_vips_release(VipsImage *image);
