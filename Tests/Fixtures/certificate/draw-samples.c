// Draws the sample images the certificate tests and a fresh checkout use in place of DSHR's
// own (certificates.signature_image, stamp_image, logo_image): a signature, a coloured round
// stamp and a logo, all made here with Cairo – no third-party art. Rebuild them with:
//   cc draw-samples.c $(pkg-config --cflags --libs cairo) -lm -o /tmp/draw-samples && /tmp/draw-samples .
#include <cairo/cairo.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static void save(cairo_surface_t *surface, const char *dir, const char *name) {
    char path[4096];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    cairo_surface_write_to_png(surface, path);
    cairo_surface_destroy(surface);
}

// Text along a circle, one character (UTF-8 sequence) at a time, centred at the top.
static void circle_text(cairo_t *cr, const char *text, double cx, double cy, double radius) {
    cairo_text_extents_t ext;
    int count = 0;
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) if ((*p & 0xC0) != 0x80) count++;
    double step = 2 * M_PI / count;
    const char *p = text;
    for (int i = 0; i < count; i++) {
        int len = 1;
        while ((p[len] & 0xC0) == 0x80) len++;
        char ch[8] = {0};
        memcpy(ch, p, len);
        p += len;
        double angle = -M_PI / 2 + i * step;
        cairo_save(cr);
        cairo_translate(cr, cx + radius * cos(angle), cy + radius * sin(angle));
        cairo_rotate(cr, angle + M_PI / 2);
        cairo_text_extents(cr, ch, &ext);
        cairo_move_to(cr, -ext.width / 2 - ext.x_bearing, 0);
        cairo_show_text(cr, ch);
        cairo_restore(cr);
    }
}

static void stamp(const char *dir) {
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 500, 500);
    cairo_t *cr = cairo_create(s);
    // Stamp ink: violet-blue, a little transparent so the signature shows through.
    cairo_set_source_rgba(cr, 0.16, 0.24, 0.72, 0.85);
    cairo_set_line_width(cr, 9);
    cairo_arc(cr, 250, 250, 236, 0, 2 * M_PI);
    cairo_stroke(cr);
    cairo_set_line_width(cr, 4);
    cairo_arc(cr, 250, 250, 168, 0, 2 * M_PI);
    cairo_stroke(cr);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, 30);
    circle_text(cr, "«М.С. НӘРІКБАЕВ АТЫНДАҒЫ КАЗГЮУ УНИВЕРСИТЕТІ» АҚ ★ АСТАНА ★ ", 250, 250, 186);
    cairo_set_font_size(cr, 44);
    cairo_text_extents_t ext;
    const char *lines[] = {"ҮЛГІ", "SAMPLE"};
    for (int i = 0; i < 2; i++) {
        cairo_text_extents(cr, lines[i], &ext);
        cairo_move_to(cr, 250 - ext.width / 2 - ext.x_bearing, 240 + i * 56);
        cairo_show_text(cr, lines[i]);
    }
    cairo_destroy(cr);
    save(s, dir, "stamp.png");
}

static void signature(const char *dir) {
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 600, 240);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgba(cr, 0.05, 0.10, 0.35, 1);
    cairo_set_line_cap(cr, CAIRO_LINE_CAP_ROUND);
    cairo_set_line_join(cr, CAIRO_LINE_JOIN_ROUND);
    cairo_set_line_width(cr, 6);
    // A capital loop, a run of small waves and a long underline flourish.
    cairo_move_to(cr, 60, 170);
    cairo_curve_to(cr, 80, 40, 150, 20, 140, 110);
    cairo_curve_to(cr, 130, 190, 60, 150, 120, 120);
    for (int i = 0; i < 7; i++) {
        double x = 150 + i * 45;
        cairo_curve_to(cr, x + 10, 70, x + 25, 70, x + 22, 140);
        cairo_curve_to(cr, x + 20, 160, x + 35, 150, x + 45, 120);
    }
    cairo_stroke(cr);
    cairo_set_line_width(cr, 4);
    cairo_move_to(cr, 40, 200);
    cairo_curve_to(cr, 200, 170, 400, 230, 570, 150);
    cairo_stroke(cr);
    cairo_destroy(cr);
    save(s, dir, "signature.png");
}

static void logo(const char *dir) {
    cairo_surface_t *s = cairo_image_surface_create(CAIRO_FORMAT_ARGB32, 400, 400);
    cairo_t *cr = cairo_create(s);
    cairo_set_source_rgb(cr, 0.12, 0.23, 0.41);
    cairo_arc(cr, 200, 200, 190, 0, 2 * M_PI);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.85, 0.68, 0.22);
    cairo_set_line_width(cr, 10);
    cairo_arc(cr, 200, 200, 170, 0, 2 * M_PI);
    cairo_stroke(cr);
    // An open book.
    cairo_move_to(cr, 200, 290);
    cairo_curve_to(cr, 160, 260, 110, 260, 80, 275);
    cairo_line_to(cr, 80, 150);
    cairo_curve_to(cr, 110, 135, 160, 135, 200, 165);
    cairo_curve_to(cr, 240, 135, 290, 135, 320, 150);
    cairo_line_to(cr, 320, 275);
    cairo_curve_to(cr, 290, 260, 240, 260, 200, 290);
    cairo_close_path(cr);
    cairo_fill(cr);
    cairo_set_source_rgb(cr, 0.12, 0.23, 0.41);
    cairo_set_line_width(cr, 5);
    cairo_move_to(cr, 200, 165);
    cairo_line_to(cr, 200, 288);
    cairo_stroke(cr);
    cairo_set_source_rgb(cr, 0.85, 0.68, 0.22);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_BOLD);
    cairo_set_font_size(cr, 46);
    cairo_text_extents_t ext;
    cairo_text_extents(cr, "KAZGUU", &ext);
    cairo_move_to(cr, 200 - ext.width / 2 - ext.x_bearing, 120);
    cairo_show_text(cr, "KAZGUU");
    cairo_destroy(cr);
    save(s, dir, "logo.png");
}

int main(int argc, char **argv) {
    const char *dir = argc > 1 ? argv[1] : ".";
    stamp(dir);
    signature(dir);
    logo(dir);
    return 0;
}
