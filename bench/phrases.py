"""Domain phrases that every anonymiser must leave alone (qualifications, laws, models…).

Several contain eponyms or place names (Gibbs, Oliver McGowan, Alzheimer, Glasgow): they are
the over-redaction traps. Template slots draw from these lists and the corpus records every
phrase it writes, so the benchmark can check that each one survives.
"""

from __future__ import annotations

PHRASES: dict[str, tuple[str, ...]] = {
    "qual": (
        "Level 3 Diploma in Adult Care", "Level 2 Diploma in Care",
        "Level 3 Diploma for the Children's Workforce", "Level 5 Diploma in Leadership and "
        "Management for Adult Care", "Level 3 Award in Education and Training",
        "Level 2 Certificate in Understanding Autism", "NVQ Level 3",
        "Level 3 Early Years Educator",
    ),
    "unit": (
        "Unit 204", "Unit 301", "Unit 305", "Unit 203", "Unit 4", "Unit 12", "Unit 501",
        "Care Certificate Standard 9", "Care Certificate Standard 6",
    ),
    "law": (
        "Mental Capacity Act 2005", "Care Act 2014", "Children Act 1989", "Equality Act 2010",
        "Data Protection Act 2018", "Mental Health Act 1983", "Health and Social Care Act 2008",
        "Children and Families Act 2014", "Human Rights Act 1998",
    ),
    "body": (
        "Care Quality Commission", "Skills for Care", "Safeguarding Adults Board",
        "Local Safeguarding Children Partnership", "Nursing and Midwifery Council",
        "Designated Safeguarding Lead", "Multi-Agency Safeguarding Hub", "Ofsted",
    ),
    "model": (
        "Gibbs' Reflective Cycle", "Kolb's learning cycle", "Driscoll's What? model",
        "Maslow's hierarchy of needs", "Rolfe's reflective model", "Tuckman's stages",
        "the Johns model of structured reflection",
    ),
    "condition": (
        "Alzheimer's disease", "Parkinson's disease", "Down's syndrome", "vascular dementia",
        "type 2 diabetes", "chronic obstructive pulmonary disease", "autism spectrum condition",
        "Huntington's disease",
    ),
    "tool": (
        "Waterlow score", "Braden scale", "Glasgow Coma Scale", "Barthel Index",
        "Malnutrition Universal Screening Tool", "NEWS2 score", "Abbey Pain Scale",
    ),
    "training": (
        "Oliver McGowan Mandatory Training", "Moving and Handling", "Makaton",
        "Positive Behaviour Support", "Gillick competence", "Deprivation of Liberty Safeguards",
        "Person-centred care", "Basic Life Support",
    ),
    "plan": (
        "Education, Health and Care Plan", "Child in Need plan", "Section 47 enquiry",
        "Early Years Foundation Stage", "Key Stage 2", "Year 9", "GCSE English",
        "Speech and Language Therapy", "Personal Education Plan",
    ),
}
