#include "epub/cover_art.hpp"

#include <cairo.h>
#include <pango/pangocairo.h>
#include <png.h>

#include <cstdint>
#include <cstdlib>
#include <memory>
#include <stdexcept>
#include <vector>

namespace mimeo::epub {
namespace {

struct Rgb {
    double r, g, b;
};

Rgb parse_color(const std::string& color)
{
    std::string hex = color.substr(1);
    if (hex.size() == 3) hex = {hex[0], hex[0], hex[1], hex[1], hex[2], hex[2]};
    auto channel = [&](int i) { return std::strtol(hex.substr(i * 2, 2).c_str(), nullptr, 16) / 255.0; };
    return {channel(0), channel(1), channel(2)};
}

// White type on a dark ground, black on a light one (relative luminance, WCAG's weights).
Rgb ink_for(const Rgb& ground)
{
    const double luminance = 0.2126 * ground.r + 0.7152 * ground.g + 0.0722 * ground.b;
    return luminance < 0.5 ? Rgb{1, 1, 1} : Rgb{0.08, 0.08, 0.08};
}

template <typename T, void (*Free)(T*)>
struct Freer {
    void operator()(T* p) const { Free(p); }
};
using Surface = std::unique_ptr<cairo_surface_t, Freer<cairo_surface_t, cairo_surface_destroy>>;
using Context = std::unique_ptr<cairo_t, Freer<cairo_t, cairo_destroy>>;

void object_unref(PangoLayout* layout) { g_object_unref(layout); }
using Layout = std::unique_ptr<PangoLayout, Freer<PangoLayout, object_unref>>;

// Sets `text` centred in a block `width` wide at `y`, in `font` ("Serif Bold 150"); returns the
// height it took.
double set_text(cairo_t* cr, const std::string& text, const char* font, double y, double width, const std::string& language)
{
    if (text.empty()) return 0;
    Layout layout(pango_cairo_create_layout(cr));
    PangoFontDescription* description = pango_font_description_from_string(font);
    pango_layout_set_font_description(layout.get(), description);
    pango_font_description_free(description);
    if (!language.empty()) pango_context_set_language(pango_layout_get_context(layout.get()), pango_language_from_string(language.c_str()));
    pango_layout_set_width(layout.get(), static_cast<int>(width * PANGO_SCALE));
    pango_layout_set_wrap(layout.get(), PANGO_WRAP_WORD_CHAR);
    pango_layout_set_alignment(layout.get(), PANGO_ALIGN_CENTER);
    pango_layout_set_text(layout.get(), text.c_str(), -1);
    int w = 0, h = 0;
    pango_layout_get_pixel_size(layout.get(), &w, &h);
    cairo_move_to(cr, (cover_width - width) / 2, y);
    pango_cairo_show_layout(cr, layout.get());
    return h;
}

void append_bytes(png_structp png, png_bytep data, png_size_t length)
{
    static_cast<std::string*>(png_get_io_ptr(png))->append(reinterpret_cast<const char*>(data), length);
}

// The surface as an RGB PNG through libpng: no row filters and the fastest deflate, since a
// cover is mostly one colour (libpng's adaptive filters took most of a cover's time).
std::string png_of(cairo_surface_t* surface)
{
    png_structp png = png_create_write_struct(PNG_LIBPNG_VER_STRING, nullptr, nullptr, nullptr);
    png_infop info = png ? png_create_info_struct(png) : nullptr;
    if (!info) {
        png_destroy_write_struct(&png, nullptr);
        throw std::runtime_error("libpng could not start the cover");
    }
    std::string out;
    std::vector<png_byte> row(cover_width * 3);
    if (setjmp(png_jmpbuf(png))) {
        png_destroy_write_struct(&png, &info);
        throw std::runtime_error("libpng could not write the cover");
    }
    png_set_write_fn(png, &out, append_bytes, nullptr);
    png_set_IHDR(png, info, cover_width, cover_height, 8, PNG_COLOR_TYPE_RGB, PNG_INTERLACE_NONE,
                 PNG_COMPRESSION_TYPE_DEFAULT, PNG_FILTER_TYPE_DEFAULT);
    png_set_filter(png, PNG_FILTER_TYPE_BASE, PNG_FILTER_NONE);
    png_set_compression_level(png, 1);
    png_write_info(png, info);
    const unsigned char* data = cairo_image_surface_get_data(surface);
    const int stride = cairo_image_surface_get_stride(surface);
    for (int y = 0; y < cover_height; ++y) {
        // Cairo's RGB24 is a native-endian 32-bit word per pixel, 0x00RRGGBB.
        const auto* pixels = reinterpret_cast<const std::uint32_t*>(data + y * stride);
        for (int x = 0; x < cover_width; ++x) {
            row[x * 3] = static_cast<png_byte>(pixels[x] >> 16);
            row[x * 3 + 1] = static_cast<png_byte>(pixels[x] >> 8);
            row[x * 3 + 2] = static_cast<png_byte>(pixels[x]);
        }
        png_write_row(png, row.data());
    }
    png_write_end(png, nullptr);
    png_destroy_write_struct(&png, &info);
    return out;
}

struct Reading {
    const std::string* bytes;
    std::size_t at = 0;
};

cairo_status_t read_bytes(void* closure, unsigned char* data, unsigned int length)
{
    auto* reading = static_cast<Reading*>(closure);
    if (reading->bytes->size() - reading->at < length) return CAIRO_STATUS_READ_ERROR;
    reading->bytes->copy(reinterpret_cast<char*>(data), length, reading->at);
    reading->at += length;
    return CAIRO_STATUS_SUCCESS;
}

// The logo, scaled to fit a box `box` wide and high, centred at `y`; returns the height used.
double draw_logo(cairo_t* cr, const std::string& png, double y, double box)
{
    if (png.empty()) return 0;
    Reading reading{&png};
    Surface logo(cairo_image_surface_create_from_png_stream(read_bytes, &reading));
    if (cairo_surface_status(logo.get()) != CAIRO_STATUS_SUCCESS) return 0;
    const double w = cairo_image_surface_get_width(logo.get()), h = cairo_image_surface_get_height(logo.get());
    if (w <= 0 || h <= 0) return 0;
    const double scale = std::min(box / w, box / h);
    cairo_save(cr);
    cairo_translate(cr, (cover_width - w * scale) / 2, y);
    cairo_scale(cr, scale, scale);
    cairo_set_source_surface(cr, logo.get(), 0, 0);
    cairo_paint(cr);
    cairo_restore(cr);
    return h * scale;
}

}  // namespace

std::string draw_cover(const CoverArt& art)
{
    Surface surface(cairo_image_surface_create(CAIRO_FORMAT_RGB24, cover_width, cover_height));
    Context cr(cairo_create(surface.get()));
    const Rgb ground = parse_color(art.color);
    const Rgb ink = ink_for(ground);
    cairo_set_source_rgb(cr.get(), ground.r, ground.g, ground.b);
    cairo_paint(cr.get());
    cairo_set_source_rgb(cr.get(), ink.r, ink.g, ink.b);

    const double margin = 120, width = cover_width - 2 * margin;
    double y = 180;
    y += draw_logo(cr.get(), art.logo_png, y, 260);
    if (!art.logo_png.empty()) y += 60;
    y += set_text(cr.get(), art.publication, "Serif Bold 150px", y, width, art.language) + 40;
    y += set_text(cr.get(), art.tagline, "Serif Italic 56px", y, width, art.language) + 60;
    // A rule under the masthead, then the issue line.
    cairo_set_line_width(cr.get(), 6);
    cairo_move_to(cr.get(), margin, y);
    cairo_line_to(cr.get(), cover_width - margin, y);
    cairo_stroke(cr.get());
    y += 50;
    y += set_text(cr.get(), art.issue_line, "Sans 52px", y, width, art.language) + 200;
    for (const std::string& line : art.lines) {
        if (y > cover_height - 300) break;
        y += set_text(cr.get(), line, "Sans Bold 84px", y, width, art.language) + 90;
    }
    cairo_surface_flush(surface.get());
    return png_of(surface.get());
}

}  // namespace mimeo::epub
