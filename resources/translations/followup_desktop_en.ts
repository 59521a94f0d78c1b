<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="en">
<context>
    <name>ActivityReport</name>
    <message>
        <source>PDF (*.pdf)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheet (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the activity report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity report saved to {0}: {1} contacts from {2} to {3}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Report cancelled: no file written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No report written</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Writing the activity report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <extracomment>each column&apos;s share of the table&apos;s width, in per cent (Date … Result) the page&apos;s margins in millimetres: left, top, right, bottom (the foot line sits in the bottom one) the table&apos;s column titles (the CSV&apos;s, which stay in English: CONTRACT.md)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Method</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Result</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity report of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {0} to {1}, both days included</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact with an employer is recorded in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} employers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} with {1}, oldest first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Page {0} of {1}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicationDialog</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick an employer or type a new name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Employer:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The job title, as in the posting</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Position:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Found through:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who pointed you to it (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referred by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Referred by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting &amp;URL:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting &amp;closes on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting closes on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Stage:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose how it ended</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything to remember about this application (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{name}” is new: it will be added as an employer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer came &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed &amp;on:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage: it follows the timeline; to go back to {stage}, delete the event on the timeline that moved it on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome: say how it ended; a closed application needs one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes are {length:,} characters long; the limit is {limit:,}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ApplicationsModel</name>
    <message>
        <source>today</source>
        <extracomment>the shape of the start-up list cache (bump when the row tuple or the file&apos;s layout changes) a layout change of the rows alone (Qt&apos;s hint for rows sorted: the column headers stay as they are) the role that carries an application&apos;s key</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yesterday</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} months ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>today {0:%H:%M}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>in {0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue since {0:%H:%M}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 hour overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} hours overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} days overdue</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>by tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>within {0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer</source>
        <extracomment>a cached row that cannot be read: blank until the data is loaded the list&apos;s part of a full read, made where the read is made (`Workspace.prepared`) rows were added, removed, re-sorted or changed: filters must look again</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next step</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ArchivedList</name>
    <message>
        <source>Archived applications keep everything that happened. Restore one to follow it up again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stage</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring the selected applications back to the list (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No archived application matches “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing archived. Delete on a row puts it here.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>BackupsWindow</name>
    <message>
        <source>Backups</source>
        <extracomment>how often the timer asks whether an hourly backup is due</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A checked copy of your data is kept when the app closes and every hour while it runs, in {0}. Restoring one keeps your current file beside it first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Taken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kind</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup yet: the first is taken when the app closes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>unreadable</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>before upgrading from schema {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>checked copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No backup was taken: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this backup?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data goes back to the backup of {0}. Your current file is kept beside it (as {1}.before-restore-&lt;date&gt;), so nothing is lost.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be restored: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Banner</name>
    <message>
        <source>Open</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss this message</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Checks</name>
    <message>
        <source>, </source>
        <extracomment>A marker the renderer left (&quot;[interview date?]&quot;), or one a person typed the same way. Shorter limits for the channels that are short by nature (a networking site&apos;s note, a card). Two thank-yous this alike read as one form letter sent twice. the context the windows translate a check&apos;s sentence and its words with (ui/compose.py) the context of the situations&apos; labels and the flags&apos; wording (packaging/translations.py lists them)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; </source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first</source>
        <extracomment>unfilled | unknown_placeholder | no_subject | not_on_timeline | no_phone | too_long | no_sign_off | no_name | same_thank_you | close_out the sentence, as a marked template and its values: the windows translate it (`shown`)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>second</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>third</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fourth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>fifth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sixth</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}th</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in before calling: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in before sending: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is in the script as written: {0}. Replace it with your own words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This would be sent as written: {0}. Replace it with your own words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a subject line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no interview or call with {0} on the timeline: “{1}” is for someone you met.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” does not fit now: {1}. Pick another message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}” needs what the timeline does not hold yet ({1}). Log it first, or pick another message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no phone number for {0}: add it to the contact, or find it before you call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This {0} is {1} words; keep it under {2}. A short note reads as confident.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your profile has no name yet: type it under Fill in to keep it, or set it in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say who you are: your full name, {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sign off with your full name, {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This reads the same as your thank-you to {0}. Mention something you discussed with this person, so each note stands on its own.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This would be your {0} unanswered follow-up. The playbook suggests closing out this lead and putting the time into other leads.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CloseOutDialog</name>
    <message>
        <source>Close this lead? — {0}</source>
        <extracomment>what the user chose (for the caller and tests): &quot;no_response&quot;, &quot;withdrawn&quot;, &quot;wait&quot; or None</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from {0} since your follow-up on {1}. Close this lead?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Close as no response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark the application closed: they did not answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Withdraw…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close it as withdrawn and write a short courtesy note.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep waiting 1 week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep waiting {0} weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask again in a week.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask again in {0} weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep waiting 1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Keep waiting {0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask again tomorrow.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask again in {0} days.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close as no response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not close the lead</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ComposeWindow</name>
    <message>
        <source>For 1 &amp;week</source>
        <extracomment>how long the checks wait after the last keystroke</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For {0} &amp;weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For &amp;1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For &amp;{0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your unsent draft from earlier is back.</source>
        <extracomment>the application key, after an event was logged everything the window shows, without Qt the open question (Discard? / Send with a gap?), None when none is asked</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Situation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Situation:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recipient</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template variant</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Wording:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Su&amp;bject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy subject</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the subject line to the clipboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to call:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Number to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo logging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>C&amp;lose</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in &amp;mail app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as s&amp;ent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit &amp;templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;spoke with them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I &amp;left a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;nooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the message to the clipboard (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open in mail app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log it on the timeline (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Log call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log the call on the timeline (Ctrl+Return)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no phone number)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no contact at this employer)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tip: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Why now:&lt;/b&gt; {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} (yours)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>none for {0}: add it to the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>no contact to call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type it, then press Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to my profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save {0} to my profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it in Settings → Profile, for every message from now on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved to your profile: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved to your profile: every message from now on uses it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read this contact: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ready to call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks complete.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Looks ready to send.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open a new message in your mail app</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No email address for this contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as &amp;done</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy script</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the script to the clipboard (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the message, without its subject, to the clipboard (Ctrl+Shift+C)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Gaps in the message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill it in, or say it in your own words, before you call.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The recipient would read the brackets as they are.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fill it in first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the script to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the message to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy with {0} in it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the subject line to the clipboard.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copy the subject with {0} in it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open it in your mail app with {0} in it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact has no email address: add one, or copy the message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot hand this to the mail app: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No mail app answered. Copy the message instead (Ctrl+Shift+C).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opened in your mail app. Mark it as sent once it is on its way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark it as sent with {0} in it?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark as sent anyway</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not mark this as done: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Marked as done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged as sent on the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call logged: you spoke with them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call logged: you left a message.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call logged: no answer.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo takes it back; close the window when you are done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undone: nothing is logged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not snooze: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close without sending?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You changed this message and have not sent it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the draft to find it here again when you next write this step, or discard your changes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep the draft</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Discard</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactPicker</name>
    <message>
        <source>No contacts recorded for this employer yet.</source>
        <extracomment>The quick &quot;Log…&quot; forms, in the order a toolbar would show them.</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key point discussed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key point discussed with {name}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactsDialog</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts at {employer}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Re&amp;move</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the selected contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts yet. Use “Add contact” to record the people you deal with at {employer}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>R&amp;ole:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email: “{value}” does not look like an email address (name@example.com).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no name yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is on 1 event; remove anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name} is on {count} events; remove anyway?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove contact?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Those events stay on the timeline without them. Cancel keeps everything as it was.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DesktopIntegration</name>
    <message>
        <source>For 1 &amp;week</source>
        <extracomment>A click on the tray may take the focus from the window a moment before the click arrives: a window active this recently still counts as the one the user is looking at. act on this step (its id): its message to write, or for a debrief the interview&apos;s form ask whether to close the lead of this close-out step (its id) show the window&apos;s list with this filter (&quot;due&quot;) show this message of the Inbox (its review item&apos;s id) messages waiting in the Inbox (the window says how many: `set_inbox_count`)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For {0} &amp;weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 1 &amp;day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For {0} &amp;days</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ErrorHook</name>
    <message>
        <source>That could not be saved: {0}

The details are in the log file:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up Desktop hit an unexpected error: {0}

Nothing you saved is lost. The details are in the log file:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something went wrong</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FirstRunDialog</name>
    <message>
        <source>Save</source>
        <extracomment>the one-time hint&apos;s key in window-state.ini</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Welcome to Follow-up Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>S&amp;kip for now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can fill these in later in Settings → Profile.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your messages are signed with your name and give your email and phone, so the people you write to can answer. You can change them any time in Settings.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your full &amp;name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First and last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>optional</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowupDialogs</name>
    <message>
        <source>{name}: “{value}” is not a real date. Use YYYY-MM-DD, for example {example}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{name}: “{value}” is not a date in the form YYYY-MM-DD (for example {example}).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD (optional)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Pick the date on a calendar</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That paste is {incoming:,} characters; this box holds at most {limit:,}, so it was not added.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowupHelp</name>
    <message>
        <source>Ctrl+N</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a lead or an application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Enter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the selected application&apos;s next message (or act on its next step)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the selected application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Shift+E</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit the employer&apos;s contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the selected applications (find them again under Archived)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+Z / Ctrl+Shift+Z</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo / redo any edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+1 … Ctrl+5</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show All / Due now / Active / Closed / Archived</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+F</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search employers, positions and people</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Esc</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tab / Shift+Tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Move between the list, the timeline&apos;s buttons and the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F6 / Shift+F6</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Jump to the next / previous part of the window</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ctrl+,</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 week</source>
        <extracomment>the groups of settings that are the playbook&apos;s rules, in the order the help tells them units a value of 1 reads in the singular (&quot;1 day&quot;) the context the help&apos;s own sentences are marked (and translated) with; the settings&apos; labels, units and groups keep the settings dialog&apos;s (&quot;FollowupSettings&quot;)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up Desktop tells you when and how to follow up on each job application: a thank-you within a day of an interview, a status check a week after applying, a call after the date they said they would decide, one short nudge after silence, and then the moment to close the lead and move on.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add each job you are after (Ctrl+N), as a lead or as an application.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log what happens with the Log buttons above the timeline: that you applied, an interview (with who you met), a reply, a call. Back-date it freely; an interview can also be planned ahead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The list shows each application&apos;s next step and when it is due, most urgent first. Press Enter to write the message; Mark as sent puts it on the timeline.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The tray icon counts what is due and tells you when a step opens, never in quiet hours; more than {0} at once come as one summary. Snooze a step from the tray menu or the message window for {1} or {2}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keyboard</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Where your data lives</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Everything stays on this computer, in one folder:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your applications, contacts and timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>copies made before the file is upgraded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what went wrong, if anything did</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>window size, columns and one-time hints</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>File → Export… writes everything to one JSON file; File → Import… reads one back. Nothing is sent anywhere: the app has no network access.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The rules in force</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every number of the playbook is a setting (Tools → Settings…, Ctrl+,). These are yours now:</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FollowupSettings</name>
    <message>
        <source>Your full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Profile</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I am currently employed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When a lead goes quiet, offer to withdraw instead of only closing it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send an introduction within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up timing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check on an application after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…or after the posting closes, by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>business days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status check stays open for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>An interview lasts, unless told</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the interview down by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send thank-you notes within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer a handwritten note when the decision is over</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>days away</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A late thank-you is still worth it up to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow up after their decision date by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>With no decision date, follow up after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-interview follow-up stays open for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answer a &apos;no decision yet&apos; reply within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nudge after an unanswered follow-up by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Persistence</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After &apos;no decision yet&apos;, nudge past their new date by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After &apos;no decision yet&apos; with no date, nudge after</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A nudge stays open for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unanswered follow-ups before closing out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close out after the last follow-up by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and after the first follow-up by at least</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send a withdrawal note within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for feedback within</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After an encouraging &apos;no&apos;, check in every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A check-in stays open for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Leave at least this long between messages to one employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Drop a courtesy step this long after it was due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-yous for an update, feedback requests, check-ins, withdrawal notes and debriefs lose their point with time. Steps that chase an answer never lapse.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggest closing a lead when a follow-up is overdue by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A status check, post-interview follow-up or nudge this long overdue with no answer turns into the suggestion to close the lead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A message logged this early still counts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep waiting on a quiet lead, when asked, for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The close-out question&apos;s Keep waiting asks again this long after.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call hours (business days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call and quiet hours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone steps are scheduled inside these hours, never right after lunch or near the end of the day.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours start</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quiet hours end</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Tell me when a follow-up window opens</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A notification when a step opens, once when it becomes overdue, and when a lead should be closed out.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Combine notifications into one summary above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When more steps than this open at the same moment, one notification lists them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>at once</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze a step, the short way, for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first choice of Snooze, in the tray menu and the compose window.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and the long way, for</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The second choice of Snooze.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start at login, in the tray</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up Desktop starts minimized when you log in, so no window is missed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep a backup of each of the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Backups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A verified copy of your data is taken when the app closes and every hour while it runs; the newest of each day is kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and of each of the last</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>months</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep a calendar file up to date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>After every change, the follow-ups and planned interviews are written to calendar.ics in the data folder, for a calendar program subscribed to that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail server (IMAP)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For example imap.example.org. Left empty, the app never reads your mail.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Security</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS from the first byte (usually port 993), or STARTTLS (usually port 143). The server&apos;s certificate is always checked; there is no unencrypted way.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Port</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0 means the usual port for the security chosen: 993 for TLS, 143 for STARTTLS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>User name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Often your whole email address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent folder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only needed when the server does not mark its Sent folder, for example Sent Items.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Certificate authority file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for a server whose certificate your system does not trust, such as a company&apos;s own: the path of the PEM file that signed it. Empty: the system&apos;s store.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check the mailbox every</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>0: never by itself. Only INBOX and Sent are read, and only messages with your contacts and employers are kept.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>Cancel</source>
        <extracomment>what an outbound message or call was for, most common first</extracomment>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>HelpWindow</name>
    <message>
        <source>Getting started — Follow-up Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportExport</name>
    <message>
        <source>{0}: cannot export to {1}; choose a .json, .csv or .ics file</source>
        <extracomment>what File → Export… writes, by the file&apos;s suffix the name the save dialog offers</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a file without an extension</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up Desktop file (*.json)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheet, one row per application (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar, follow-ups and interviews (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a file</source>
        <extracomment>the mapping step of a spreadsheet, while it is open</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up Desktop file, spreadsheet, mail message or invitation (*.json *.csv *.eml *.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheet saved as CSV (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail message (*.eml)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar invitation (*.ics)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export everything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import cancelled: nothing changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} was not imported, and nothing changed:
{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not exported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exported to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export cancelled: no file written.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Exporting to {0}…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Inbox</name>
    <message>
        <source>Messages brought in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the reply says</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They will decide by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They invited me to stay in touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Confirm</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log this reply on the timeline with the outcome chosen (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take it off the list without logging anything</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back what this sent message marked on the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;OK</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Keep it, and take it off this list</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No messages are waiting.

Drop a saved message (.eml) or an invitation (.ics) on this window, or use File → Import…, to bring it in.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1}) wrote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You wrote to {0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no subject)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Careful: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested: {0}, a decision by {1} (from the words of the message; check before confirming).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Suggested: {0} (from the words of the message; check before confirming).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No suggestion: choose what the reply says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You sent this from your mail program; it is on the timeline as sent, and the step it answered is done.

Undo takes it off the timeline again. OK keeps it and takes it off this list.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show: Inbox</source>
        <extracomment>how many messages wait for review a message came in by itself: the employer&apos;s name and the review item&apos;s id a file was brought in: its one line (`mail.intake.Result.line`)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages brought in from mail, waiting for you to confirm what they say (Ctrl+6)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent to {0} · {1} · on the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} was not brought in: {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New people at {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The invitation also names people who are not among {0}&apos;s contacts:

{1}

Add them as contacts?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Logged the reply from {0}: {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Bring in {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log reply from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss message from {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Take back the message to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add the invitation&apos;s people as contacts</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>LogEventDialog</name>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>When it happened; back-date it freely.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;When:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove this event from the timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log application sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit application sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit closing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What was asked, what you promised to send, anything to mention next time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Anything worth remembering about this application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Optional</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Channel:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subject line:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject of your application email, if you sent one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> minutes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Interviewers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The date they said they would decide by, if they gave one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Decision expected by:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Decision expected by</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Their full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone else you met who is not among the contacts yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New interviewer&apos;s name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New interviewer&apos;s role</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add them to the interviewers and to this employer&apos;s contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone &amp;new:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name is at most {0} characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Press Add to put {0} among the interviewers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Type their name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} is already a contact: tick them above.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewers</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} will be added to this employer&apos;s contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Purpose:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>W&amp;ith:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Result:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The subject line you used</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;What they said:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The next date they named, e.g. when they expect to decide</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Next date they named:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next date they named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They encouraged me to stay in touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Only for a rejection: a check-in is then suggested later.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;How it ended:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A planned interview: it goes on the timeline after now, and its thank-you comes once it has taken place.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is more than a day from now. Check the date if it already happened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes are {length:,} characters long; the limit is {limit:,}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write the note before saving it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Key point</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MailChecker</name>
    <message>
        <source>Checking mail…</source>
        <extracomment>the first look after start: the window comes first a check finished: the SyncReport, or the MailError</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail checked just now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail checked {0} min ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mail checked at {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived {0}. Undo with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restored {0}. Undo with Ctrl+Z.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not logged</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings not saved</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved. Your messages will be signed with it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied</source>
        <extracomment>the quick Log… buttons: (dialog form, label)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed — Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>25 days ago</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>overdue since 10:00</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The applications you archived (Ctrl+5); restore one to see it again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search employers, positions and people (Ctrl+F)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No applications yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note each job you are after; the app keeps its clocks: when to send a thank-you, when to check on an application, when to let a lead go.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add your first lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Loading your applications…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating…</source>
        <extracomment>the application the user chose last: kept across filters, searches, archive and undo the current row&apos;s application and column before the list&apos;s rows change (a filter)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The calendar file could not be written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;New application…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a lead or an application (Ctrl+N)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit application…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer &amp;contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Archive</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive the selected applications (Delete; undo with Ctrl+Z)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Write the next message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the next step&apos;s message (Enter)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Find</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Message &amp;templates…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Backups…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity &amp;report…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every contact with an employer in a period, as PDF or CSV</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Reload from disk</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Follow-up Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Progress…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your search in figures: replies, days to a reply, follow-ups (Ctrl+Shift+P)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>What the app does, its keys, where your data is and the rules in force (F1)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear search</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Next pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Previous pane</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Main</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Redo</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application matches “{0}”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is due right now. Well done.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No closed applications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No active applications.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1} shown · {2} due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1} archived shown · {2} due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due now ({0})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>That step is no longer open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>About Follow-up Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Follow-up Desktop&lt;/b&gt; {0}&lt;p&gt;When and how to follow up on every application.&lt;/p&gt;&lt;p&gt;Your data stays on this computer, in {1}.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your applications could not be loaded:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Progress</name>
    <message>
        <source>none yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} · not enough data yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} · {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to count yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All time</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Progress — Follow-up Desktop</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Period</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Count the applications begun in this period (the weekly activity is always the last 12 weeks)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Copy as image</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put these charts on the clipboard as a picture</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications not archived; applied to: with a message sent; answered: a reply after applying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From lead to hired</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>How many applications reached each stage, ever, and the share of the step before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered, by source</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Of the applications applied to from each source, how many had a reply after applying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered, by the first follow-up&apos;s channel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First follow-ups (status check or follow-up) at least 14 days old or answered, by how they went: how many had a reply within 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Following up: does it pay?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-ups answered within 14 days, against applications never followed up that had a reply within 14 days of applying (both once their 14 days are over)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Days to the first reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calendar days from applying to the first reply after it, over the applications answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity, last 12 weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Messages sent (not by phone), calls and interviews per week, Monday to Sunday; the period does not apply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Slowest to answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employers by the median days from applying to their first reply, over the applications they answered (those that answered at least twice, when there are any)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Answered within 14 days: each follow-up, against each application never followed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applications applied to, and how many had a reply after applying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First follow-ups, and how many had a reply within 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The figures could not be counted: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As of {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No applications yet: the figures come with your first ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application was begun in this period.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} applied to</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>answered after applying: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median {0} days to a reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} applications, every one a lead first</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>None reached the step before</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · {1} of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of the {1} at the step before reached {2} ({3})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of the {1} at the step before reached {2}: too few for a share</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>reached {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No applications yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of the {1} applied to through “{2}” had a reply after applying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applied to, source “{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No application applied to yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} first follow-ups by {2} had a reply within 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first follow-up by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No follow-up 14 days old yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Followed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>follow-ups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} follow-ups had a reply within 14 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Never followed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} of {1} applications never followed up had a reply within 14 days of applying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>({0} more are still within their 14 days)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing to compare yet: no follow-up or application is 14 days old.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}–{1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}+</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} applications had their first reply {1} days after applying</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>first reply after {0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>median {0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median {0} days, over {1} applications answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No reply after an application yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Week of {0}, {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} {1} in the week of {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} in the week of {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In all: {0} sent, {1} calls, {2} interviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Calls</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviews</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing sent, called or met in the last 12 weeks.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} days · {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} replies</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Median days from applying to {0}&apos;s first reply, over {1} answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No employer has answered yet.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Copied the charts as a picture.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Show every application again</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtered: 1 application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Filtered: {0} applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Clear the filter: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Your data file needs attention</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file that holds your applications is empty: it was cut short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file that holds your applications holds a value this version cannot read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file that holds your applications is damaged.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It will be kept beside it as {0}-&lt;date&gt;; nothing is deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You can go back to {0}. Anything saved after it is not in it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no backup to go back to. You can start afresh with an empty file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Restore this backup</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Start afresh</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The backup could not be restored: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The damaged file could not be moved aside, so nothing was changed: {0}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ReportDialog</name>
    <message>
        <source>Save…</source>
        <extracomment>the period choices: (name, label); &quot;custom&quot; is whatever the two dates say</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Activity report</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Every contact you made with an employer in the period: each application, message, call and interview, with the answer it had. Job centres and unemployment offices ask for it as proof of a work search.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last month</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This month so far</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The last 30 days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other dates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>YYYY-MM-DD</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>PDF, to print or send</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spreadsheet (CSV)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Period:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;To:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>To</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>F&amp;ormat:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>P&amp;aper:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: {1!r} {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The period starts on {0}, after it ends on {1}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Password</source>
        <extracomment>keeps the signals of a password being stored after its dialog has closed</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>type it to keep it (or change it)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kept in the system keyring when you press Save or test the connection; never in your data, the exchange file or the logs. Scripts can set FOLLOWUP_DESKTOP_MAIL_PASSWORD instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the usual one</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>never</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Test connection</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log in with the values on this page and look for INBOX and Sent; no message is read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the mail server and the user name first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Testing the connection…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail password is kept in the system keyring.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The mail password was not kept: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Restore defaults</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Put every setting on this page back to its default value (nothing is saved until you press Save)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>From {lo} to {hi} {unit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{label}: {number} is more than the most allowed, so it is set to {most} {unit}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>TLS (usually port 993)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>STARTTLS (usually port 143)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HH:MM, 24-hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 09:30-11:30, 14:30-16:00</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>SheetImport</name>
    <message>
        <source>Ignore</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved on</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting URL</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Posting closes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Found through</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import {0}</source>
        <extracomment>the date orders offered when a sheet&apos;s slashed dates could be read either way a check has been shown (the newest one)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check how the columns of {0} are read before anything is added. Change a column&apos;s field in the row of boxes.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>As the sheet writes them (ISO, or month first with a time)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Month first: 3/4/2026 is March 4</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Day first: 3/4/2026 is 4 March</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Dates:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Checking the sheet…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This sheet cannot be imported: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Field of column {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>; choose the order of the dates above</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Two columns are read as {0}: set one of them to Ignore.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing can be imported yet: {0}. Choose the column that holds it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}{1} rows cannot be imported (below); nothing is imported until they are fixed in the sheet or read differently here.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Choose the order of the dates to read the ambiguous ones.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing new: all {0} rows are already in your data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} applications will be added, {1} skipped as already there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ignored columns: {0}.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TemplateEditor</name>
    <message>
        <source>Message templates</source>
        <extracomment>a template was saved, copied or removed: compose windows reload their catalogue</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Templates</source>
        <extracomment>item key -&gt; text typed and not saved yet (switching templates never loses it)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Make my copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make my copy</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Template text</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Placeholders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Placeholders</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0}: double-click or press Insert to put it at the cursor</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Insert</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert placeholder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Facts for {{ if … }} sections</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Facts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ticked facts hold in the preview; untick one to see the other wording</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert &amp;section</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert a section for the selected fact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Wrap the selected text in {{ if fact }} … {{ else }} … {{ end }}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save to your templates (Ctrl+S)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Files that cannot be read</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>broken</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>replaced by yours</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Revert to shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Revert to shipped</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Comes with the app and cannot be changed. Make your own copy to change the wording: your copy is used instead.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your template, saved in {0}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Make your own copy first: this one comes with the app.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>this template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not a known placeholder, sent as written: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview with a sample message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preview with this message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Fix the problem above to see a preview.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cannot preview: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Subject:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not copy: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your copy is saved; it is used instead of the shipped one.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Not saved: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Go back to the shipped wording of “{0}”? Your copy is removed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete your template “{0}”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not delete: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Back to the shipped wording.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Timeline</name>
    <message>
        <source>{0} days, no reply</source>
        <extracomment>quiet stretches shorter than this are not labelled a glyph per kind, drawn in the kind&apos;s circle (DejaVu and the platform fonts carry these)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} days, no reply yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} and {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You wrote to {0}</source>
        <extracomment>what you did, as a sentence: (with the people, without them); phone calls say &quot;called&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You introduced yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You applied to {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You checked on your application with {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You checked on your application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You thanked {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You sent a thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You followed up with {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You followed up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You asked {0} for feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You asked for feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You checked in with {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You checked in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You told {0} you are withdrawing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You sent a withdrawal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You called {0} to check on your application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You called to check on your application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You called {0} to follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You called to follow up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You called {0} to thank them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You called to say thank you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You called {0} to check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You called to check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You called {0} to ask for feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You called to ask for feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> by email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> by letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> in person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> on a social network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source> through the portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} replied: no decision yet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} invited you to an interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} replied: they turned you down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} made you an offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You closed this lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You called {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You called them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You wrote to them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You got the job</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You declined their offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You withdrew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: they turned you down</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed: they never answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You will interview with {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview planned</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You interviewed with {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You had an interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You noted this lead</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>You wrote a note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} min</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision by {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>next date {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>encouraged to stay in touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“{0}”</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>opens {0} {1:%H:%M}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>open now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>was due {0} {1:%H:%M}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>due {0} {1:%H:%M}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close lead…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write notes…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Now · {0:%a} {1} {0:%H:%M}</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TimelinePanel</name>
    <message>
        <source>Contacts…</source>
        <extracomment>the application the body was last drawn for, until anything changes: a search that hides the selected row and brings it back shows it again without reading it again</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add or edit this employer&apos;s contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer timeline</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Select an application to see everything that happened with that employer, and what comes next.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} · archived: restore it to follow it up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contacts yet: add the people you deal with to address them by name.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Tray</name>
    <message>
        <source>&amp;Open Follow-up Desktop</source>
        <extracomment>due steps listed before &quot;All N due now…&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For &amp;1 hour</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Until &amp;tomorrow</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Resume notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All {0} due now…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Pause notifications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Paused until {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the {0} lead? ({1})</source>
        <extracomment>lines a summary notification lists before &quot;…and N more&quot;</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} to {1} ({2})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} ({1})</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close the {0} lead?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer from {0} since your follow-up on {1}. Close this lead?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Overdue: {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It was due {0}. {1}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} follow-ups came up while Follow-up Desktop was closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} follow-ups need you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>…and {0} more</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 follow-up due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} follow-ups due</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 follow-up due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} follow-ups due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up Desktop — nothing due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notifications paused until {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 1 &amp;week</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For {0} &amp;weeks</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For 1 &amp;day</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For {0} &amp;days</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up Desktop is still running</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>It keeps watching your follow-ups from the tray. Click the icon to open it; choose Quit in its menu to stop it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Quit Follow-up Desktop?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no system tray to keep Follow-up Desktop running in. If you close it, you will not be told when a follow-up comes up until you start it again.

Quit now?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} replied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Open the Inbox to read it and confirm what it says.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 message waiting in the Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} messages waiting in the Inbox</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This desktop has no system tray, so Follow-up Desktop lives in this window: keep it open (minimized is fine) to be told when a follow-up comes up.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>commands</name>
    <message>
        <source>event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Log {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add {0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit {0}</source>
        <extracomment>what the first run stored (employer if made, application, its events): redo puts it back</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archive {0}</source>
        <extracomment>the event a change of stage logged (the stage follows the timeline), as stored</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Snooze</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Dismiss</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Mark done</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>recovery</name>
    <message>
        <source>the backup of {0} (it could not be read)</source>
        <extracomment>the kinds of StoreError a backup is the answer to</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>the backup of {0}: {1}, {2}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} applications</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>1 event</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} events</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The disk is full.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder is read-only.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder is not a folder.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The data folder belongs to another user.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Another program is writing to your data; try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data was saved by a newer version of Follow-up Desktop.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data file is a link to a file that is not there.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data could not be opened.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up Desktop</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>run</name>
    <message>
        <source>Follow-up Desktop cannot use its data folder:
{0}</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up Desktop cannot open its data:
{0}

Nothing was changed. Details are in {1}.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>{0} You can read your applications; changes cannot be saved.</source>
        <extracomment>how long a thread holds the interpreter while another waits for it (Python&apos;s default: 5 ms). The write worker and the full reads run Python for seconds beside the window; each turn of the GUI thread&apos;s event loop calls into Python several times and waited up to 5 ms each time for its turn (a 5,000-application import stalled the window ~100 ms at a time). 1 ms halves that at a few per cent of the worker&apos;s speed. the first look for an hourly backup, this long after start</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Your data file is read-only (its write permission was taken away): you can read everything, but changes cannot be saved. Make it writable to change anything.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>vocab</name>
    <message>
        <source>Introduce yourself</source>
        <extracomment>Outbound kinds that count as &quot;a follow-up&quot; for the nudge chain and the cap. None: picked as shown the steps the playbook opens (a step is not picked: both labels read alike)</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Write down the interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-interview follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank them for the update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close this lead?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead</source>
        <extracomment>an application&apos;s stage</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead (not applied yet)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewing</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Closed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hired</source>
        <extracomment>how a closed application ended; picked in the first person</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I withdrew</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No response</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>They never answered</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Declined</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>I declined their offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recruiter</source>
        <extracomment>a contact&apos;s role</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>HR</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Hiring manager</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interviewer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Other</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Job posting</source>
        <extracomment>where a lead came from</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Careers page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Employer&apos;s careers page</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cold query (I wrote first)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A recruiter found me</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Query sent</source>
        <extracomment>what happened; an outbound kind is picked as what the message was for</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Introduction / query</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you sent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Feedback request</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Asking for feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check-in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reply</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Lead noted</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <extracomment>how a message went</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>In person</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Letter or card</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Social network</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Online portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Application portal</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoke</source>
        <extracomment>how a call went</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Spoke with them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Left a message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No answer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No decision yet</source>
        <extracomment>what their reply said</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited to interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Invited me to an interview</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Made an offer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Something else</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All</source>
        <extracomment>the views of the applications list</extracomment>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Due now</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Active</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Archived</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>wording</name>
    <message>
        <source>Introduce yourself</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Who you are, the role, why you fit in two lines, résumé attached.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status check</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say when you applied (and the subject line, if you emailed it); ask where things stand.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Interview notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>For each interviewer: the key point you discussed, and the date they said they would decide.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank-you note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One per interviewer, each with the point you discussed with that person.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Late thank-you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The interview date, thanks, enthusiasm, your strongest fit, anything left unsaid, ask for an update, your full name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Post-interview follow-up</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask where they are in the process and whether they need anything else from you.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thanks for the update</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short: thanks for the update, still very interested. Nothing more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nudge</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Shorter than the last message, and different from it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Withdrawal note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A courteous note that you are stepping back; keep the door open.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask for feedback</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Thank them; ask what would have made your application stronger.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check in</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A short friendly note: still interested in anything that fits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Apply with a referral</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name the person who referred you in the first line.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Call about your résumé</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the date you sent your résumé and the email&apos;s subject line so they can find it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask to connect</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Ask first whether they are open to connecting; never assume. Keep it short.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Send additional materials</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Say what you are sending and why it helps; one short paragraph.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone call</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Handwritten note</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Short message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Note to self</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your signature</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>their name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>their first name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>employer</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>position</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interview date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>key point you discussed</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>decision date</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>who referred you</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date you applied</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject line of your application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>date they named</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>what you are sending</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>your reference (name, role, how to reach them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>interviewers and key points</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>their name as you greet them</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>subject line of their last email</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you have sent your application (or an introduction)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you have had an interview for this application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>they have answered you about this application</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>they have answered, interviewed you, or spoken with you on the phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>you have met or spoken with this person (an interview or a call with them)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>they told you the answer is no</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>they encouraged you to stay in touch</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>more than one person interviewed you</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
