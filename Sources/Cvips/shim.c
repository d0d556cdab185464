#include "shim.h"

#include <dlfcn.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>

typedef struct _VipsArea VipsArea;

/* Each function sitegen calls, found in the library once it is loaded. */
static struct {
    int (*init)(const char *argv0);
    void (*cache_set_max)(int max);
    const char *(*error_buffer)(void);
    void (*error_clear)(void);
    const char *(*enum_nick)(GType enm, int value);
    GType (*size_get_type)(void);
    GType (*interesting_get_type)(void);
    GType (*fail_on_get_type)(void);
    VipsImage *(*image_new_from_file)(const char *name, ...);
    VipsImage *(*image_copy_memory)(VipsImage *image);
    int (*image_get_width)(const VipsImage *image);
    int (*image_get_height)(const VipsImage *image);
    int (*image_hasalpha)(VipsImage *image);
    char **(*image_get_fields)(VipsImage *image);
    int (*image_get_as_string)(const VipsImage *image, const char *name, char **out);
    int (*copy)(VipsImage *in, VipsImage **out, ...);
    int (*image_remove)(VipsImage *image, const char *name);
    int (*thumbnail_image)(VipsImage *in, VipsImage **out, int width, ...);
    int (*flatten)(VipsImage *in, VipsImage **out, ...);
    int (*webpsave)(VipsImage *in, const char *filename, ...);
    int (*jpegsave)(VipsImage *in, const char *filename, ...);
    VipsArea *(*array_double_newv)(int n, ...);
    void (*area_unref)(VipsArea *area);
    void (*object_unref)(void *object);
    void (*free)(void *memory);
    void (*strfreev)(char **strings);
    char *(*compute_checksum_for_data)(int checksum_type, const unsigned char *data, size_t length);
} vips;

static pthread_once_t once = PTHREAD_ONCE_INIT;
static int status = -1;
static char problem[512] = "libvips was not loaded";

/* The library's own functions, and GLib's, which dlsym finds among its dependencies. */
static int find(void *library, void **slot, const char *name) {
    *slot = dlsym(library, name);
    if (*slot) return 0;
    snprintf(problem, sizeof problem, "libvips has no function %s; sitegen needs libvips 8.10 or newer", name);
    return -1;
}

static void load(void) {
    /* SITEGEN_LIBVIPS names another libvips; else the soname of every libvips 8.x, then the
       plain name where only a development link exists. */
    const char *chosen = getenv("SITEGEN_LIBVIPS");
    void *library = NULL;
    if (chosen && *chosen) {
        library = dlopen(chosen, RTLD_NOW | RTLD_LOCAL);
    } else {
        library = dlopen("libvips.so.42", RTLD_NOW | RTLD_LOCAL);
        if (!library) library = dlopen("libvips.so", RTLD_NOW | RTLD_LOCAL);
    }
    if (!library) {
        snprintf(problem, sizeof problem, "libvips could not be loaded (%s); install it (Debian: apt-get install libvips42)", dlerror());
        return;
    }
    const struct { void **slot; const char *name; } wanted[] = {
        {(void **)&vips.init, "vips_init"},
        {(void **)&vips.cache_set_max, "vips_cache_set_max"},
        {(void **)&vips.error_buffer, "vips_error_buffer"},
        {(void **)&vips.error_clear, "vips_error_clear"},
        {(void **)&vips.enum_nick, "vips_enum_nick"},
        {(void **)&vips.size_get_type, "vips_size_get_type"},
        {(void **)&vips.interesting_get_type, "vips_interesting_get_type"},
        {(void **)&vips.fail_on_get_type, "vips_fail_on_get_type"},
        {(void **)&vips.image_new_from_file, "vips_image_new_from_file"},
        {(void **)&vips.image_copy_memory, "vips_image_copy_memory"},
        {(void **)&vips.image_get_width, "vips_image_get_width"},
        {(void **)&vips.image_get_height, "vips_image_get_height"},
        {(void **)&vips.image_hasalpha, "vips_image_hasalpha"},
        {(void **)&vips.image_get_fields, "vips_image_get_fields"},
        {(void **)&vips.image_get_as_string, "vips_image_get_as_string"},
        {(void **)&vips.copy, "vips_copy"},
        {(void **)&vips.image_remove, "vips_image_remove"},
        {(void **)&vips.thumbnail_image, "vips_thumbnail_image"},
        {(void **)&vips.flatten, "vips_flatten"},
        {(void **)&vips.webpsave, "vips_webpsave"},
        {(void **)&vips.jpegsave, "vips_jpegsave"},
        {(void **)&vips.array_double_newv, "vips_array_double_newv"},
        {(void **)&vips.area_unref, "vips_area_unref"},
        {(void **)&vips.object_unref, "g_object_unref"},
        {(void **)&vips.free, "g_free"},
        {(void **)&vips.strfreev, "g_strfreev"},
        {(void **)&vips.compute_checksum_for_data, "g_compute_checksum_for_data"},
    };
    for (size_t i = 0; i < sizeof wanted / sizeof wanted[0]; i++) {
        if (find(library, wanted[i].slot, wanted[i].name) != 0) return;
    }
    if (vips.init("sitegen") != 0) {
        snprintf(problem, sizeof problem, "libvips did not start: %s", vips.error_buffer());
        return;
    }
    /* Each image is made once per build: libvips' cache of operations would only hold memory. */
    vips.cache_set_max(0);
    status = 0;
}

int sitegen_vips_load(void) {
    pthread_once(&once, load);
    return status;
}

const char *sitegen_vips_load_error(void) { return problem; }

const char *sitegen_vips_error_buffer(void) { return vips.error_buffer(); }
void sitegen_vips_error_clear(void) { vips.error_clear(); }
const char *sitegen_vips_enum_nick(GType enm, int value) { return vips.enum_nick(enm, value); }
GType sitegen_vips_size_get_type(void) { return vips.size_get_type(); }
GType sitegen_vips_interesting_get_type(void) { return vips.interesting_get_type(); }
GType sitegen_vips_fail_on_get_type(void) { return vips.fail_on_get_type(); }

VipsImage *sitegen_vips_image_copy_memory(VipsImage *image) { return vips.image_copy_memory(image); }
int sitegen_vips_image_get_width(const VipsImage *image) { return vips.image_get_width(image); }
int sitegen_vips_image_get_height(const VipsImage *image) { return vips.image_get_height(image); }
int sitegen_vips_image_hasalpha(VipsImage *image) { return vips.image_hasalpha(image); }
char **sitegen_vips_image_get_fields(VipsImage *image) { return vips.image_get_fields(image); }
int sitegen_vips_image_get_as_string(const VipsImage *image, const char *name, char **out) {
    return vips.image_get_as_string(image, name, out);
}

void sitegen_g_free(void *memory) { vips.free(memory); }
void sitegen_g_strfreev(char **strings) { vips.strfreev(strings); }
char *sitegen_g_compute_checksum_for_data(int checksum_type, const unsigned char *data, size_t length) {
    return vips.compute_checksum_for_data(checksum_type, data, length);
}

VipsImage *sitegen_vips_open(const char *path) {
    return vips.image_new_from_file(path, "fail_on", SITEGEN_VIPS_FAIL_ON_ERROR, NULL);
}

int sitegen_vips_shrink(VipsImage *in, VipsImage **out, int width) {
    return vips.thumbnail_image(in, out, width, "height", SITEGEN_VIPS_MAX_COORD, "size", SITEGEN_VIPS_SIZE_DOWN, NULL);
}

int sitegen_vips_crop(VipsImage *in, VipsImage **out, int width, int height) {
    return vips.thumbnail_image(in, out, width, "height", height, "crop", SITEGEN_VIPS_INTERESTING_ATTENTION,
                                "size", SITEGEN_VIPS_SIZE_BOTH, NULL);
}

int sitegen_vips_flatten(VipsImage *in, VipsImage **out) {
    VipsArea *white = vips.array_double_newv(3, 255.0, 255.0, 255.0);
    int result = vips.flatten(in, out, "background", white, NULL);
    vips.area_unref(white);
    return result;
}

int sitegen_vips_without_metadata(VipsImage *in, VipsImage **out) {
    if (vips.copy(in, out, NULL) != 0) return -1;
    char **fields = vips.image_get_fields(*out);
    for (int i = 0; fields && fields[i]; i++) vips.image_remove(*out, fields[i]);
    vips.strfreev(fields);
    return 0;
}

int sitegen_vips_save_webp(VipsImage *in, const char *path, int quality) {
    return vips.webpsave(in, path, "Q", quality, "strip", 1, NULL);
}

int sitegen_vips_save_jpeg(VipsImage *in, const char *path, int quality) {
    return vips.jpegsave(in, path, "Q", quality, "strip", 1, "optimize_coding", 1, "interlace", 1, NULL);
}

void sitegen_vips_release(VipsImage *image) { vips.object_unref(image); }
