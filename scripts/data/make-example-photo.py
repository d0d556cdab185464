#!/usr/bin/env python3
"""Draws content/articles/demonstration-almaty.jpg, the example site's photo: an illustration
(not a photograph) of a crowd on a square below tall buildings on a winter evening.

    python3 -m pip install pillow==11.3.0
    python3 scripts/data/make-example-photo.py content/articles/demonstration-almaty.jpg

Like a photo straight from a phone, the file carries EXIF with a camera make and a GPS
position (Almaty's Republic Square): sitegen must publish it without them. The drawing is
the same on every run (a fixed random seed).
"""
import random
import sys

from PIL import Image, ImageDraw, ImageFilter

WIDTH, HEIGHT = 2400, 1600


def sky(draw):
    top, bottom = (22, 34, 66), (196, 120, 92)
    for y in range(HEIGHT):
        t = min(1.0, y / (HEIGHT * 0.62))
        colour = tuple(round(a + (b - a) * t) for a, b in zip(top, bottom))
        draw.line([(0, y), (WIDTH, y)], fill=colour)


def buildings(draw, rng):
    x = -40
    while x < WIDTH:
        width = rng.randint(140, 320)
        height = rng.randint(420, 900)
        shade = rng.randint(28, 52)
        draw.rectangle([x, HEIGHT * 0.66 - height, x + width, HEIGHT], fill=(shade, shade + 6, shade + 18))
        for wy in range(int(HEIGHT * 0.66 - height) + 40, int(HEIGHT * 0.62), 54):
            for wx in range(x + 22, x + width - 30, 46):
                if rng.random() < 0.45:
                    draw.rectangle([wx, wy, wx + 20, wy + 28], fill=(236, 196, 120))
        x += width + rng.randint(10, 40)


def square(draw):
    for y in range(int(HEIGHT * 0.66), HEIGHT):
        t = (y - HEIGHT * 0.66) / (HEIGHT * 0.34)
        grey = round(70 + 90 * t)
        draw.line([(0, y), (WIDTH, y)], fill=(grey, grey - 4, grey - 10))


def crowd(draw, rng):
    # Farther people first: smaller, higher up, darker.
    for row in range(36):
        depth = row / 35
        y = HEIGHT * 0.68 + depth * HEIGHT * 0.3
        size = 10 + depth * 46
        for _ in range(int(70 - depth * 30)):
            x = rng.uniform(-20, WIDTH + 20)
            coat = rng.choice([(40, 44, 60), (92, 40, 38), (30, 64, 70), (70, 70, 74), (110, 90, 60)])
            draw.rounded_rectangle([x - size * 0.55, y, x + size * 0.55, y + size * 1.9], radius=size * 0.3, fill=coat)
            # Winter: most heads are hats and hoods seen from behind.
            head = (214, 178, 150) if rng.random() < 0.15 else rng.choice([(24, 24, 30), (60, 40, 36), (90, 92, 100), (120, 30, 36)])
            draw.ellipse([x - size * 0.35, y - size * 0.75, x + size * 0.35, y + size * 0.02], fill=head)
            if rng.random() < 0.02:
                # A sign held up.
                draw.line([(x, y - size * 0.6), (x, y - size * 2.4)], fill=(60, 50, 40), width=max(2, int(size / 8)))
                draw.rectangle([x - size, y - size * 3.4, x + size, y - size * 2.3], fill=(240, 236, 220))


def lamps(draw):
    for x in range(120, WIDTH, 420):
        draw.line([(x, HEIGHT * 0.44), (x, HEIGHT * 0.8)], fill=(20, 20, 24), width=10)
        draw.ellipse([x - 26, HEIGHT * 0.44 - 26, x + 26, HEIGHT * 0.44 + 26], fill=(255, 226, 150))


def exif():
    data = Image.Exif()
    data[0x010F] = "sitegen illustration"  # Make
    data[0x0110] = "drawn by scripts/data/make-example-photo.py"  # Model
    data[0x8825] = {  # GPS: Republic Square, Almaty
        1: "N", 2: (43.0, 14.0, 17.0),
        3: "E", 4: (76.0, 56.0, 45.0),
    }
    return data.tobytes()


def main():
    if len(sys.argv) != 2:
        sys.exit(__doc__)
    rng = random.Random(20220104)
    image = Image.new("RGB", (WIDTH, HEIGHT))
    draw = ImageDraw.Draw(image)
    sky(draw)
    buildings(draw, rng)
    square(draw)
    lamps(draw)
    crowd(draw, rng)
    image = image.filter(ImageFilter.GaussianBlur(1.2))
    image.save(sys.argv[1], "JPEG", quality=88, exif=exif())


if __name__ == "__main__":
    main()
