#!/usr/bin/env python3
"""Writes src/main/resources/security/common-passwords.txt: passwords of 12+ characters that attackers try first.

Built from the shapes that dominate public breach statistics (a common word or name followed by digits, years or a
symbol; keyboard walks; digit runs), with Vietnamese and customs-specific words added. Shorter passwords need no
list: the policy refuses anything under 12 characters. Operators may append a larger breach corpus to the file.
"""
import itertools
import pathlib

WORDS = """password passw0rd p@ssword p@ssw0rd qwerty qwertyuiop asdfgh asdfghjkl zxcvbnm admin administrator
root welcome letmein iloveyou monkey dragon master sunshine princess football baseball shadow superman batman
trustno1 whatever freedom michael jennifer abc abcdef abcd changeme default secret login access hello
matkhau matkhaumoi matkhau123 vietnam vietnamese hanoi saigon hochiminh danang haiphong haiquan tongcuchaiquan
chicuc cuchaiquan customs customsvn vnaccs vcis ecus ecus5 ecus6 camera cameras epewatch dncx doanhnghiep
anhyeuem emyeuanh yeuem iloveu nguyen tran le pham hoang phan vu dang bui do ho ngo duong ly""".split()
SUFFIXES = ["", "1", "12", "123", "1234", "12345", "123456", "1234567", "12345678", "123456789", "!", "@", "#",
            "@123", "!@#", "123!", "123@", "2020", "2021", "2022", "2023", "2024", "2025", "2026", "2027", "@2024",
            "@2025", "@2026", "01", "99", "000", "111", "789", "321"]
RUNS = ["1234567890", "12345678901", "123456789012", "1234567890123", "0123456789", "9876543210", "098765432112",
        "111111111111", "000000000000", "123123123123", "121212121212", "112233445566", "147258369147",
        "1qaz2wsx3edc", "1qaz2wsx3edc4rfv", "qazwsxedcrfv", "qwertyuiop123", "qwerty123456", "asdfghjkl123",
        "zaq12wsxcde3", "1q2w3e4r5t6y", "1q2w3e4r5t6y7u", "q1w2e3r4t5y6", "aaaaaaaaaaaa", "abcdefghijkl",
        "abc123abc123", "abcd12345678", "password1234", "passwordpassword", "iloveyou1234"]


def main() -> None:
    entries = set(RUNS)
    for word, suffix in itertools.product(WORDS, SUFFIXES):
        for form in {word, word.capitalize(), word.upper()}:
            candidate = form + suffix
            if len(candidate) >= 12:
                entries.add(candidate.lower())
    target = pathlib.Path(__file__).resolve().parent.parent / "src/main/resources/security/common-passwords.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    header = "# Common and breached passwords of 12+ characters, refused by PasswordPolicy. Made by scripts/common-passwords.py.\n"
    target.write_text(header + "\n".join(sorted(entries)) + "\n", encoding="utf-8")
    print(f"{len(entries)} entries written to {target}")


if __name__ == "__main__":
    main()
