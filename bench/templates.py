"""Document templates for the synthetic corpus (our own wording).

Slots in braces are filled by :mod:`bench.corpus`:

* people: ``{X.form}`` where X is C (client / pupil), D (second client), W (writer: learner or
  worker), M (manager, assessor or DSL), R (relative) or P (other professional); forms are
  ``full``, ``first``, ``ref`` (a random short form), ``poss`` (short form + 's), ``fullposs``,
  ``title`` (Mrs Okafor), ``titlefull``, ``upper``, ``rev`` (Okafor, Ngozi) and ``init``
  (N. Okafor);
* their details: ``{C.addr}``, ``{C.addrblock}``, ``{C.dob}``, ``{C.nhs}``, ``{C.nino}``,
  ``{C.upn}``, ``{W.uln}``, ``{X.phone}``, ``{X.email}``;
* neutral values kept by the default policy: ``{date}``, ``{time}``, ``{room}``, ``{rel}``,
  ``{town}``;
* protected domain phrases: ``{qual}``, ``{unit}``, ``{law}``, ``{body}``, ``{model}``,
  ``{condition}``, ``{tool}``, ``{training}``, ``{plan}``.
"""

from __future__ import annotations

HEADERS: dict[str, tuple[str, ...]] = {
    "reflective": (
        "Reflective Account\nLearner: {W.full}\nULN: {W.uln}\nQualification: {qual}\n"
        "Unit: {unit}\nAssessor: {M.full}\nDate: {date}",
        "REFLECTIVE ACCOUNT - {unit}\nLearner name: {W.upper}    ULN {W.uln}\n"
        "Programme: {qual}\nWritten on {date}",
    ),
    "witness": (
        "Witness Testimony\nLearner: {W.full}\nWitness: {M.titlefull}, Registered Manager\n"
        "Contact: {M.phone} / {M.email}\nQualification: {qual}\nDate of observation: {date}",
        "WITNESS STATEMENT\nName of learner: {W.rev}\nULN: {W.uln}\nWitness name: {M.full}\n"
        "Telephone: {M.phone}\nUnits covered: {unit}",
    ),
    "casenote": (
        "Case Notes\nService user: {C.full}\nDOB: {C.dob}\nNHS number: {C.nhs}\n"
        "Address: {C.addr}\nTel: {C.phone}\nNext of kin: {R.full} ({rel}), {R.phone}",
        "CASE RECORD\nName: {C.upper}\nDate of birth: {C.dob}    NHS No. {C.nhs}\n"
        "NI number: {C.nino}\nAddress:\n{C.addrblock}\nAllocated worker: {W.full}",
    ),
    "handover": (
        "Shift Handover - {date} (night to day)\nCompleted by: {W.full}\n"
        "Residents discussed: {C.full} ({room}), {D.full} ({room})",
        "HANDOVER NOTES {date}\nNurse in charge: {M.titlefull}\nStaff on shift: {W.full}, "
        "{P.full}\n{room}: {C.rev}, DOB {C.dob}",
    ),
    "safeguarding": (
        "Safeguarding Concern Record\nChild: {C.full}    UPN: {C.upn}\nDate of birth: {C.dob}\n"
        "Address: {C.addr}\nParent/carer: {R.titlefull}, {R.phone}, {R.email}\n"
        "Reported to: {M.full}, {body}",
        "SAFEGUARDING NOTE - CONFIDENTIAL\nPerson at risk: {C.full} (NHS {C.nhs})\n"
        "DOB {C.dob}\nHome address: {C.addr}\nRecorded by {W.full} on {date} at {time}",
    ),
}

BODIES: dict[str, tuple[str, ...]] = {
    "reflective": (
        "I am writing this account using {model} to reflect on a shift where I supported "
        "{C.ref}, who lives with {condition}. {C.poss} care plan asks staff to offer choices "
        "at every stage, and I wanted to check that I was doing this in line with the {law}.",
        "During the morning routine {C.ref} was reluctant to get washed. I sat with them, "
        "explained what I was going to do and waited until they were ready. My senior, "
        "{M.title}, later told me that giving time like this is at the heart of {training}.",
        "What went well: I used the {tool} to check {C.poss} skin and recorded the result. "
        "What I would do differently: I should have asked {P.full} from the district nursing "
        "team to review the dressing sooner, instead of waiting for the weekly visit.",
        "My assessor {M.full} observed me supporting {C.ref} at lunch. We discussed how I "
        "encouraged independence by placing the adapted cutlery within reach. This links "
        "to {unit} and to the values promoted by {body}.",
        "On {date} {C.ref} became upset after a phone call from their {rel}, {R.full}. I "
        "listened, reassured them and wrote a short note in the daily log. I then spoke to "
        "{W.first}'s mentor about how to respond when a family call causes distress.",
        "Completing {training} helped me understand reasonable adjustments. I now plan visits "
        "with {C.ref} and their {rel} {R.first} so that information is given in a way they "
        "understand, and I check consent each time as the {law} expects.",
        "I felt anxious when {D.full} fell in the lounge, but I followed the falls procedure, "
        "did not move them and called for help. The GP, {P.titlefull}, was informed and a "
        "body map was completed. Reflecting with {model} helped me see what I did well.",
        "For my {qual} I must show that I promote dignity. When helping {C.ref} to dress I "
        "closed the curtains, asked which clothes they wanted and let them do as much as "
        "they could. {M.first} signed the observation record afterwards.",
        "Before I moved to {town} I worked in a nursery, so supporting adults was new to me. "
        "{M.first} suggested I keep a learning log, and this account is part of it.",
    ),
    "witness": (
        "I have worked with {W.first} for eleven months and have observed them many times. "
        "On {date} I watched {W.first} support {C.ref} with a hoist transfer, following "
        "{training} guidance and the plan agreed with {P.full}, the occupational therapist.",
        "{W.full} communicates with residents in a warm and respectful way. With {C.ref}, who "
        "has {condition}, they used short sentences and picture cards. I can confirm that "
        "this meets the criteria for {unit}.",
        "The learner completed a {tool} assessment accurately and escalated a high score to "
        "the nurse in charge, {M.title}, without delay. This shows good understanding of "
        "their role and of the reporting lines we expect under the {law}.",
        "{W.poss} record keeping is clear and factual. Their entry for {C.ref} on {date} "
        "included the time, what was observed and who was informed. I would have no "
        "hesitation in recommending {W.first} for the {qual}.",
        "I observed {W.first} helping {D.ref} to prepare a sandwich in the kitchen. They "
        "checked allergies on the care plan, washed their hands and gave {D.first} time to "
        "choose. This is person-centred practice as described by {body}.",
        "If you need to discuss this testimony, please contact me on {M.phone} or e-mail "
        "{M.email}. I am happy to be contacted by the assessor, {P.titlefull}, at any time.",
    ),
    "casenote": (
        "Home visit on {date} at {time}. {C.ref} answered the door and was appropriately "
        "dressed. The kitchen was tidy and there was food in the fridge. {C.ref} said they "
        "had been managing their medication since the pharmacy started using blister packs.",
        "{R.full}, {C.poss} {rel}, phoned the office on {R.phone} to say they are worried "
        "about recent falls. I explained that a referral has been made to the falls team "
        "and that the {tool} will be repeated next week.",
        "Discussed the care and support plan with {C.ref}. They would like support with "
        "shopping on Tuesdays and do not want a key safe fitted. A capacity assessment was "
        "not needed as there is no reason to doubt capacity under the {law}.",
        "{C.upper} was seen at the GP surgery by {P.titlefull} on {date}. A review of "
        "{condition} medication was completed. Contact the surgery on {P.phone} if there "
        "are any further concerns.",
        "Email received from {R.email} asking for a copy of the assessment. I replied to "
        "explain that {C.ref} must consent first and that requests are handled under the "
        "{law}. {M.title} agreed with this approach in supervision.",
        "{C.ref} has moved to {C.addr}. The new landlord has been told about the adaptations "
        "needed and an occupational therapy visit is booked. Their new number is {C.phone}.",
        "Spoke with {P.full} from the community mental health team. They will visit {C.ref} "
        "fortnightly. {C.poss} {rel} {R.first} will attend the review meeting on {date}.",
        "Benefits check completed with {C.ref}: National Insurance number {C.nino} confirmed. "
        "Their pension credit claim is being reviewed and I will chase it with the council "
        "if there is no decision within four weeks.",
        "{C.poss} {rel} lives in {town} and visits most weekends. {C.ref} said they would like "
        "more contact, and we agreed to try video calls with support from {W.first}.",
    ),
    "handover": (
        "{room} - {C.first} slept well and was repositioned every two hours. The {tool} has "
        "been updated. Fluids encouraged overnight; intake recorded on the chart. Please "
        "check {C.poss} pressure areas before breakfast.",
        "{D.first} was unsettled between 2am and 4am, calling out for their {rel}. Staff "
        "offered a warm drink and sat with them. {D.poss} daughter {R.first} will ring after "
        "9am; please update them, number on file ({R.phone}).",
        "{C.title} refused evening medication at 10pm. Reoffered at 10:30pm and taken. GP "
        "{P.title} to review on {date}. Remember {C.first} has {condition} and can become "
        "confused late in the evening.",
        "New admission tomorrow: {D.full}, DOB {D.dob}, NHS number {D.nhs}. Transport from "
        "hospital expected before noon. The room has been prepared and the {tool} paperwork "
        "is ready in the office.",
        "{W.first} is the named worker for {C.ref} today. Moving and handling: two staff with "
        "the stand aid, as set out in the plan from {P.full}. Review by {M.title} at 2pm.",
        "Medication round completed by {M.first}. {C.ref} asked about the garden trip; tell "
        "them it has moved to {date}. Night staff noted that {D.first} ate very little; "
        "please weigh {D.first} this morning.",
    ),
    "safeguarding": (
        "At {time} {C.ref} told me that they did not want to go home because of arguments. "
        "I listened, did not ask leading questions and wrote down their words straight "
        "after. I reported this to the {body} on the same day.",
        "{C.ref} had a bruise on the left forearm. When asked, they said they had fallen off "
        "a bike at {R.poss} house. A body map was completed. {M.titlefull} was informed and "
        "will decide whether a referral is needed under the {law}.",
        "Previous concerns: attendance has dropped to 78% this term. {C.poss} {plan} review "
        "is due on {date}. {R.full} did not attend the last meeting and has not replied "
        "to messages left on {R.phone}.",
        "Referral made to the local authority front door by {M.full} at {time}. Outcome: "
        "threshold met for a {plan}. Social worker allocated: {P.full}, contact {P.phone} "
        "or {P.email}.",
        "I spoke to {C.ref} again on {date} with {W.full} present. They repeated what they "
        "had said before. No further questions were asked. The account was typed up and "
        "stored on the school's safeguarding system.",
        "Agreed actions: {W.first} to check in with {C.ref} each morning; {M.first} to call "
        "{R.title} and invite them to a meeting; all staff reminded of the procedure for "
        "recording concerns set out by the {body}.",
    ),
}

CLOSINGS: tuple[str, ...] = (
    "Signed: {W.full}\nDate: {date}",
    "Signature: {W.init}    Date: {date}\nCountersigned by {M.full}",
    "Completed by {W.full} ({W.email})",
    "{W.full}\n{date}",
)
