#!/usr/bin/env python3
"""Lines per Rust file and per function, to keep both small.

    tools/sizes.py [--max-file 400] [--max-fn 80] [--all] [--skip DIR]... [PATH...]

PATH defaults to src and crates/*/src; --skip leaves out the files under DIR. Lists the files over --max-file lines and the
functions over --max-fn lines (every function with --all), longest first, and exits
with 1 if any is over. A function's length runs from the line of its `fn` to the line
of the brace that closes its body, found by matching braces outside comments, strings
and character literals. Functions declared without a body (in a trait) are skipped.
"""

import argparse
import glob
import os
import re
import sys


def code_only(text):
    """The text with comments, strings and character literals blanked (newlines kept)."""
    out = []
    i, n = 0, len(text)

    def blank(segment):
        out.append("".join(c if c == "\n" else " " for c in segment))

    while i < n:
        c = text[i]
        if text.startswith("//", i):
            j = text.find("\n", i)
            j = n if j < 0 else j
            blank(text[i:j])
            i = j
        elif text.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if text.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif text.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            blank(text[i:j])
            i = j
        elif (m := re.match(r'b?r(#*)"', text[i:])) and (i == 0 or not (text[i - 1].isalnum() or text[i - 1] == "_")):
            end = '"' + m.group(1)
            j = text.find(end, i + m.end())
            j = n if j < 0 else j + len(end)
            blank(text[i:j])
            i = j
        elif c == '"':
            j = i + 1
            while j < n and text[j] != '"':
                j += 2 if text[j] == "\\" else 1
            blank(text[i : j + 1])
            i = j + 1
        elif c == "'":
            # A character literal ('x', '\n', '\u{1F600}'), else a lifetime or label.
            m = re.match(r"'(\\u\{[0-9a-fA-F_]+\}|\\.|[^\\'\n])'", text[i:])
            if m:
                blank(m.group(0))
                i += m.end()
            else:
                out.append(c)
                i += 1
        else:
            out.append(c)
            i += 1
    return "".join(out)


FN = re.compile(r"\bfn\s+([A-Za-z_][A-Za-z0-9_]*)")


def functions(path):
    """(name, first line, lines) of every function with a body in the file."""
    with open(path, encoding="utf-8") as f:
        code = code_only(f.read())
    found = []
    for m in FN.finditer(code):
        # The body is the first `{` at depth 0 of (), [] and <> after the name,
        # unless a `;` comes first (a declaration without a body).
        j, depth = m.end(), 0
        while j < len(code):
            ch = code[j]
            if ch in "([":
                depth += 1
            elif ch in ")]":
                depth -= 1
            elif depth == 0 and ch in "{;":
                break
            j += 1
        if j >= len(code) or code[j] == ";":
            continue
        k, braces = j, 0
        while k < len(code):
            if code[k] == "{":
                braces += 1
            elif code[k] == "}":
                braces -= 1
                if braces == 0:
                    break
            k += 1
        first = code.count("\n", 0, m.start()) + 1
        last = code.count("\n", 0, k) + 1
        found.append((m.group(1), first, last - first + 1))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("paths", nargs="*")
    parser.add_argument("--max-file", type=int, default=400)
    parser.add_argument("--max-fn", type=int, default=80)
    parser.add_argument("--all", action="store_true", help="list every function")
    parser.add_argument("--skip", action="append", default=[], help="leave out files under DIR")
    args = parser.parse_args()
    roots = args.paths or ["src"] + sorted(glob.glob("crates/*/src"))
    files = []
    for root in roots:
        if os.path.isfile(root):
            files.append(root)
        for dirpath, _, names in os.walk(root):
            files += [os.path.join(dirpath, n) for n in names if n.endswith(".rs")]
    skip = [os.path.join(os.path.normpath(d), "") for d in args.skip]
    files = [f for f in files if not any(os.path.normpath(f).startswith(d) for d in skip)]
    over = 0
    sized = []
    for path in sorted(set(files)):
        with open(path, encoding="utf-8") as f:
            sized.append((sum(1 for _ in f), path))
    for lines, path in sorted(sized, reverse=True):
        if lines > args.max_file:
            over += 1
            print(f"file {lines:5} {path}")
    fns = [(lines, f"{path}:{line}", name) for path in sorted(set(files)) for name, line, lines in functions(path)]
    for lines, place, name in sorted(fns, key=lambda f: (-f[0], f[1])):
        if lines > args.max_fn:
            over += 1
        if lines > args.max_fn or args.all:
            print(f"fn   {lines:5} {place} {name}")
    return 1 if over else 0


if __name__ == "__main__":
    sys.exit(main())
