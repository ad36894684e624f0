## The web app (English). Keys shared with es/web.ftl.

skip-to-content = Skip to content
nav-main = Main
nav-cases = Cases
nav-case = This case
nav-timeline = Timeline
nav-new-incident = New incident
nav-evidence = Evidence
nav-subjects = People causing harm
nav-journal = Journal
switch-language = Español
lock = Lock
quick-exit = Quick exit
quick-exit-hint = Leave now: locks Cairn and opens a neutral website. Shortcut: press Esc three times.
footer-hint = Press Esc three times, or use Quick exit, to lock and leave at once. Everything here is encrypted on this computer and nothing is sent anywhere.
back-to-start = Back to the start
one-per-line = One per line.

## Titles
title-error = Something went wrong
title-setup = Create your vault
title-unlock = Unlock
title-cases = Cases
title-case = Case
title-subjects = People causing harm
title-new-incident = Record an incident
title-amend-incident = Correct an incident
title-incident = Incident
title-evidence = Evidence
title-evidence-item = Evidence item
title-journal = Journal

## Vault
setup-heading = Create your vault
setup-intro = Cairn keeps everything in an encrypted vault on this computer. Choose a passphrase: a few unrelated words you can remember are stronger than a short password with symbols.
setup-no-recovery = Nobody can recover this passphrase — not you, not your agency, not Cairn. If it is lost, what is in the vault is lost too.
setup-weak = Please choose a stronger passphrase:
setup-too-short = It has { $given } characters; use at least { $minimum }.
setup-guessable = It could be guessed quickly.
setup-mismatch = The two passphrases do not match.
setup-passphrase-help = At least 12 characters. Do not use one the person causing harm could know or guess.
setup-submit = Create the vault
unlock-heading = Unlock your vault
unlock-submit = Unlock
unlock-wrong-passphrase = That passphrase does not open this vault. Nothing was changed.
label-passphrase = Passphrase
label-passphrase-confirm = Passphrase again

zxcvbn-straight-rows-of-keys-are-easy-to-guess = Straight rows of keys are easy to guess.
zxcvbn-short-keyboard-patterns-are-easy-to-guess = Short keyboard patterns are easy to guess.
zxcvbn-repeats-like-aaa-are-easy-to-guess = Repeats like "aaa" are easy to guess.
zxcvbn-repeats-like-abc-abc-are-only-slightly-harder-to-guess = Repeats like "abcabc" are only slightly harder to guess than "abc".
zxcvbn-this-is-a-top10-password = This is one of the 10 most common passwords.
zxcvbn-this-is-a-top100-password = This is one of the 100 most common passwords.
zxcvbn-this-is-a-common-password = This is a very common password.
zxcvbn-this-is-similar-to-a-commonly-used-password = This is similar to a commonly used password.
zxcvbn-sequences-like-abc-are-easy-to-guess = Sequences like "abc" or "6543" are easy to guess.
zxcvbn-recent-years-are-easy-to-guess = Recent years are easy to guess.
zxcvbn-a-word-by-itself-is-easy-to-guess = A word by itself is easy to guess.
zxcvbn-dates-are-often-easy-to-guess = Dates are often easy to guess.
zxcvbn-names-and-surnames-by-themselves-are-easy-to-guess = Names and surnames by themselves are easy to guess.
zxcvbn-common-names-and-surnames-are-easy-to-guess = Common names and surnames are easy to guess.
zxcvbn-use-a-few-words-avoid-common-phrases = Use a few words; avoid common phrases.
zxcvbn-no-need-for-symbols-digits-or-uppercase-letters = There is no need for symbols, digits or capital letters.
zxcvbn-add-another-word-or-two = Add another word or two. Uncommon words are better.
zxcvbn-capitalization-doesnt-help-very-much = Capital letters do not help very much.
zxcvbn-all-uppercase-is-almost-as-easy-to-guess-as-all-lowercase = All capitals is almost as easy to guess as all lower case.
zxcvbn-reversed-words-arent-much-harder-to-guess = Reversed words are not much harder to guess.
zxcvbn-predictable-substitutions-dont-help-very-much = Predictable substitutions like "@" for "a" do not help very much.
zxcvbn-use-a-longer-keyboard-pattern-with-more-turns = Use a longer keyboard pattern with more turns.
zxcvbn-avoid-repeated-words-and-characters = Avoid repeated words and characters.
zxcvbn-avoid-sequences = Avoid sequences.
zxcvbn-avoid-recent-years = Avoid recent years.
zxcvbn-avoid-years-that-are-associated-with-you = Avoid years that are associated with you.
zxcvbn-avoid-dates-and-years-that-are-associated-with-you = Avoid dates and years that are associated with you.

## Cases and timeline
cases-heading = Cases
cases-none = No cases yet.
cases-new-heading = Open a new case
label-case-label = How you will recognise this case
cases-label-help = For example a first name and initial. It stays encrypted; the case is identified everywhere else by a code.
cases-new-submit = Open the case
timeline-heading = Timeline
timeline-filters = Filter the timeline
timeline-empty = Nothing matches. Record an incident or add evidence to start the timeline.
timeline-pages = Timeline pages
timeline-newest = Newest entries
timeline-older = Older entries
filter-any = Any
filter-kind = Type
filter-from = From
filter-to = To
filter-apply = Apply
filter-clear = Clear filters

## Subjects
subjects-heading = People causing harm
subjects-none = Nobody added yet.
subjects-add-heading = Add a person
subjects-phones-help = One per line. Numbers are stored in international form (+1…).
subjects-handles-help = One per line, optionally as platform:handle (instagram:jdoe).
subjects-add-submit = Add the person
label-name = Name or alias
label-relationship = Relationship
label-phones = Phone numbers
label-region = Country for numbers without +code
label-emails = Email addresses
label-handles = Social media handles
label-notes = Notes

## Incidents
label-reason = Why it is being corrected
incident-reason-help = The earlier version stays in the history; the reason is kept with the correction.
label-when = When it happened
label-date = Date
label-time = Time (if known)
incident-time-help = Leave the time empty if only the date is known.
label-approximate = The time is approximate
label-channel = How it reached the survivor
label-behaviours = What happened
behaviour-general = in general
behaviour-group-other = Other
label-subject = Person causing harm
subject-none-chosen = Not known or not chosen
label-narrative = What happened, in the survivor's words
incident-narrative-help = Write it as the survivor tells it. You can correct it later; nothing is overwritten.
label-location = Where
label-witnesses = Witnesses
label-police-report = Police report number
label-injuries = Injuries
label-fear = Fear, from 0 to 10
fear-not-asked = Not asked
fear-0 = 0 — no fear
fear-1 = 1
fear-2 = 2
fear-3 = 3
fear-4 = 4
fear-5 = 5
fear-6 = 6
fear-7 = 7
fear-8 = 8
fear-9 = 9
fear-10 = 10 — extreme fear
label-evidence = Evidence that supports it
incident-add-submit = Record the incident
incident-amend-submit = Record the correction
incident-amend-link = Correct this incident
incident-versions = { $count ->
    [one] History: 1 version
   *[other] History: { $shown } versions
}
version-current = current
version-corrected-because = Corrected because:
version-first = First recorded.

## Evidence
evidence-heading = Evidence
evidence-added-heading = Stored and encrypted. Each file's SHA-256 was computed as it arrived:
evidence-already-in-case = already in this case; not added again
evidence-upload-heading = Add files
label-source = Where the files came from
evidence-source-help = For example: "survivor's phone, screenshots of messages".
label-note = Note
label-files = Files
evidence-files-help = Choose files or drop them here. They are hashed and encrypted as they arrive.
evidence-upload-progress = Upload progress
evidence-upload-submit = Add the files
evidence-list-heading = Files in this case
size-bytes = { $count ->
    [one] 1 byte
   *[other] { $shown } bytes
}
col-action = Action
col-actor = By
col-detail = Detail

## Journal
journal-heading = Journal
journal-intro = Every change to this case is an entry in an append-only journal. Each entry is hashed into a tree whose root is signed by this vault, so any later change to the record can be detected.
journal-events = { $count ->
    [one] 1 entry
   *[other] { $shown } entries
}
journal-verified-ok = Verified: { $count ->
    [one] 1 entry
   *[other] { $shown } entries
}, every hash, root and signature recomputed.
journal-verified-failed = { $count ->
    [one] Verification FAILED: 1 problem.
   *[other] Verification FAILED: { $shown } problems.
}
journal-verify-submit = Verify now

## Errors
error-csrf = This form expired or did not come from Cairn. Go back, reload the page and try again.
error-page-not-found = This page does not exist.
error-upload = The upload could not be read. Please try again.
error-locked = The vault is locked.
