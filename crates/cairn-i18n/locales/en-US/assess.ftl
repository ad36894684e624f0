## Assessments, safety plans and resources (cairn assess, plan, resources).

# Errors in instrument, answers, plan-rule and resources files.
assess-error-at = { $file }, line { $line }, { $field }: { $problem }
assess-error-nowhere = { $file }, { $field }: { $problem }
assess-problem-syntax = { $detail }
assess-problem-unsupported-format = format { $value } is not one this version of cairn reads
assess-problem-duplicate = "{ $value }" is used more than once
assess-problem-unknown = "{ $value }" does not exist here
assess-problem-bad-value = "{ $value }" does not fit; expected { $expected }
assess-problem-missing = a value is missing or empty
assess-problem-wrong-instrument = these answers are for { $found }, not { $expected }
assess-problem-override-not-higher = an override may only raise the level, and { $to } is not higher than { $from }
assess-no-such-instrument = there is no instrument { $id } (`cairn assess list` shows them)

# cairn assess list / template
assess-col-id = Instrument
assess-col-version = Version
assess-col-title = Title
assess-col-position = Position
assess-col-date = Recorded
assess-col-level = Level
assess-list-note = Every instrument is a structured conversation guide, not a validated predictor.
assess-template-header = Answers file for cairn assess take. Fill in the values between the quotes;
    leave "" for a question not asked or not answered. To add a note or say
    where the information came from, write: item = { "{" } value = "yes", note = "…", source = "survivor" { "}" }
    (sources: survivor, advocate, records, third_party, other).
assess-template-allowed = Answer
assess-template-instance = Copy this block once for each

# Suggestions from the incident log, beside a question in the template.
assess-suggest-behaviours = { $count ->
    [one] Suggested "yes": one incident in the log bears on this. Confirm with the survivor before answering.
   *[other] Suggested "yes": { $count } incidents in the log bear on this. Confirm with the survivor before answering.
}
assess-suggest-increasing = Suggested "yes": the log has { $recent } incidents in the last 30 days and { $before } in the 30 days before. Confirm with the survivor before answering.

# cairn assess take
assess-recorded = Recorded { $title } (version { $version }) at journal position { $seq }.
assess-level = Level: { $level }
assess-override = Raised by a professional from "{ $from }" to "{ $to }". Reason: { $reason }
assess-why-heading = What led to this level:
assess-score = { $rule }: { $score }
assess-skipped = { $count ->
    [one] One answer was to a question not asked (skip logic) and was not kept.
   *[other] { $count } answers were to questions not asked (skip logic) and were not kept.
}
assess-caveat-label = Keep in mind:

# Re-assessment: what changed since last time.
assess-changes-heading = Since the last { $title }:
assess-change-level = level { $before } → { $after }
assess-change-answer = { $item }: { $before } → { $after }
assess-change-now = now also: { $rules }
assess-change-gone = no longer: { $rules }
assess-change-none = nothing changed since last time
assess-change-rules-version = the instrument or its rules changed version in between; a different level may come from that, not from the situation
assess-answer-none = (no answer)
assess-answer-yes = yes
assess-answer-no = no
assess-answer-unknown = unknown
assess-answer-declined = declined to answer

# cairn assess take without an answers file: one question at a time.
assess-prompt-intro = Press Enter to skip a question. You can also answer "unknown" or "declined".
assess-prompt-yes-no = Answer yes, no, unknown or declined.
assess-prompt-several = Several answers: separate them with commas (e.g. 1, 3).
assess-prompt-add-instance = Add one { $noun }? (yes/no)
assess-prompt-invalid = That answer does not fit; expected { $expected }. Try again, or press Enter to skip.
assess-prompt-nothing = no answers were given, so nothing was recorded

# cairn assess history
assess-history-empty = No assessments in this case yet.
assess-history-override = (raised by a professional)

# cairn plan
plan-recorded = Recorded version { $version } of the safety plan at journal position { $seq } ({ $count } options).
plan-none = There is no safety plan in this case yet. Build one with `cairn plan build`.
plan-title = Safety plan, version { $version } ({ $date })
plan-safe-title = Notes
plan-priorities = What matters most: { $list }
plan-why-label = Why:
plan-caution-label = Caution:
plan-resources-label = Who can help:
plan-note-label = Note:
plan-decision-adopted = chosen
plan-decision-declined = not now
plan-decision-later = to decide later
plan-category-emergency = Emergency
plan-category-digital_security = Digital security
plan-category-location_privacy = Location privacy
plan-category-accounts = Accounts
plan-category-devices = Devices
plan-category-finances = Money
plan-category-children = Children
plan-category-legal = Legal
plan-category-trafficking = Trafficking
plan-category-emotional_support = Emotional support
plan-priority-safety = safety
plan-priority-children = children
plan-priority-privacy = privacy
plan-priority-resources = resources
plan-priority-relationship = the relationship
plan-priority-housing = housing
plan-priority-work = work
plan-password-prompt = Password to check (it is not shown and not kept)
plan-password-no-terminal = a password can only be checked when typed at a terminal
plan-password-score = Strength: { $score } of 4
plan-password-strong = This would be hard to guess.
plan-password-weak = This could be guessed. A longer passphrase of unrelated words is stronger.

# Web pages.
assess-web-heading = Assessments
assess-web-changes = Since last time
plan-web-heading = Safety plan
plan-web-safe-link = Safe copy (no case details, neutral title)
plan-web-print-hint = Print from the browser; the print leaves out menus and buttons.
plan-web-decide = Decide the plan with the survivor
plan-web-decide-intro = These options come from the assessments and device checks of this case. The survivor decides: chosen, not now, or later. Nothing here is an order; each choice is recorded as a new version of the plan.
plan-web-priorities = What matters most to the survivor
plan-web-priorities-help = Number what matters, 1 for the most important; leave the rest empty. Options are ordered by it.
plan-web-no-options = No options are offered yet: take an assessment first.
plan-web-decide-submit = Record this version of the plan
plan-web-pdf-link = Download as PDF

# cairn resources
resource-none = No resource matches.
resource-phone-label = Call
resource-text-label = Text
resource-web-label = Web
resource-hours-label = Hours
resource-languages-label = Languages
resource-national = national
resource-language-interpreters = interpreters for other languages
resource-service-domestic_violence = domestic violence
resource-service-safety_planning = safety planning
resource-service-crisis = crisis
resource-service-technology_safety = technology safety
resource-service-referral = referrals
resource-service-trafficking = trafficking
resource-service-suicide = suicide prevention
resource-service-emotional_support = emotional support
resource-service-victim_services = victim services
resource-service-legal = legal help
resource-service-stalking = stalking
resource-service-sexual_assault = sexual assault
resource-service-online_crime = online crime
resource-service-report = reporting
resource-service-shelter = shelter
resource-service-housing = housing
resource-service-children = children
resource-service-immigration = immigration
resource-service-financial = financial help
resource-service-health = health

# Help for the commands.
help-assess = Assessments: danger, stalking, trafficking and technology abuse
help-assess-list = The instruments available
help-assess-template = Print an answers file to fill in for an instrument
help-assess-template--id = The instrument id (see cairn assess list)
help-assess-template--instrument_file = Use an agency's own instrument file instead of a shipped one
help-assess-template--case = Add suggestions from this case's incident log, for you to confirm
help-assess-take = Score an answers file and record the result in the case
help-assess-take--id = The instrument id (see cairn assess list)
help-assess-take--case = The case id (c-…). CAIRN_CASE also works.
help-assess-take--answers = The answers file (make one with cairn assess template); without it the questions are asked one at a time
help-assess-take--raise_to = A professional override: raise the level to this one (needs --reason)
help-assess-take--reason = Why the level is raised; kept in the journal
help-assess-take--instrument_file = Use an agency's own instrument file instead of a shipped one
help-assess-history = Every assessment of the case, and what changed since last time
help-assess-history--case = The case id (c-…). CAIRN_CASE also works.
help-plan = The survivor's safety plan
help-plan-build = Offer plan options from the case's assessments and record the survivor's decisions
help-plan-build--case = The case id (c-…). CAIRN_CASE also works.
help-plan-build--priorities = What matters most to the survivor, most important first: safety, children, privacy, resources, relationship, housing, work
help-plan-build--adopt = Options the survivor chose (ids, comma-separated)
help-plan-build--decline = Options the survivor does not want now (ids, comma-separated)
help-plan-show = Show the latest safety plan
help-plan-show--case = The case id (c-…). CAIRN_CASE also works.
help-plan-show--safe_copy = A copy without case details and with a neutral title
help-plan-export = Write the latest safety plan as a PDF to print (full, or a safe copy)
help-plan-export--case = The case id (c-…). CAIRN_CASE also works.
help-plan-export--out = Where to write the PDF
help-plan-export--safe_copy = A copy without case details and with a neutral title
help-plan-export--force = Replace the output file if it exists
plan-exported = Wrote the safety plan to { $path }.
help-plan-check-password = Check how hard a password would be to guess, without keeping it
help-resources = Hotlines and local services
help-resources-search = Find resources by need, language and place
help-resources-search--need = What is needed, e.g. shelter, trafficking, legal
help-resources-search--language = A language code, e.g. es
help-resources-search--place = A city, county or state
help-resources-search--local = An agency's CSV file of local services

assess-web-take = Take an assessment
assess-web-form-intro = Ask in your own words and in the survivor's order; leave a question empty if it was not asked. Questions that do not apply, given the other answers, are not kept. Suggestions from the incident log are never filled in for you.
assess-web-yes = Yes
assess-web-no = No
assess-web-unknown = Don't know
assess-web-declined = Prefers not to say
assess-web-note-summary = Note and source (optional)
assess-web-note = Note
assess-web-source = Source of information
assess-source-survivor = the survivor
assess-source-advocate = the advocate's observation
assess-source-records = records (police, court, medical)
assess-source-third_party = someone else
assess-source-other = other
assess-web-override = Professional judgement (optional)
assess-web-override-help = You may raise the level the rules found, never lower it, and you must say why; the reason is kept in the journal.
assess-web-raise-to = Raise the level to
assess-web-reason = Why
assess-web-submit = Score and record
assess-web-more-instances = Show one more of each repeated part (another account, another device)
assess-web-bad-answer = The answer to "{ $question }" cannot be used ({ $value }): { $detail }
