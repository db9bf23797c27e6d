CREATE TABLE gemeente (
    gemeente_code TEXT NOT NULL CHECK (gemeente_code GLOB 'GM[0-9][0-9][0-9][0-9]'),
    jaar INTEGER NOT NULL CHECK (jaar IN (2017, 2025)),
    gemeente_naam TEXT NOT NULL CHECK (gemeente_naam <> ''),
    wmo_code TEXT NOT NULL CHECK (wmo_code GLOB 'WMO[0-9][0-9]'),
    PRIMARY KEY (gemeente_code, jaar)
) STRICT;

CREATE TABLE project (
    project_id TEXT NOT NULL PRIMARY KEY
        CHECK (project_id GLOB 'P[0-9][0-9][0-9]*' AND substr(project_id, 2) NOT GLOB '*[^0-9]*'),
    titel TEXT NOT NULL CHECK (trim(titel) <> ''),
    omschrijving TEXT NOT NULL,
    indeling_jaar INTEGER NOT NULL CHECK (indeling_jaar IN (2017, 2025)),
    inhoud TEXT NOT NULL CHECK (inhoud IN ('Preventie', 'GGZ', 'Ouderen', 'Effectief Samenwerken in de Wijk', 'Jeugd 18-/18+', 'Anders')),
    intensiteit TEXT NOT NULL CHECK (intensiteit IN ('Ontwikkelproject', 'Doorontwikkelen', 'Implementatie', 'Samenwerkingsafspraken')),
    geografie TEXT NOT NULL CHECK (geografie IN ('Bovenregionaal', 'Regionaal', 'Gemeentelijk')),
    bron TEXT NOT NULL,
    bron_citaat TEXT NOT NULL,
    toelichting_labels TEXT NOT NULL,
    bouwt_voort_op_citaat TEXT NOT NULL,
    versie INTEGER NOT NULL DEFAULT 1 CHECK (versie >= 1),
    startjaar INTEGER CHECK (startjaar BETWEEN 1990 AND 2100),
    eindjaar INTEGER CHECK (eindjaar IS NULL OR (startjaar IS NOT NULL AND eindjaar BETWEEN startjaar AND 2100)),
    periode_citaat TEXT NOT NULL DEFAULT '' CHECK (periode_citaat = '' OR startjaar IS NOT NULL),
    gebied_precisie TEXT NOT NULL DEFAULT 'volledig' CHECK (gebied_precisie IN ('volledig', 'deel')),
    aantal_gemeenten_bron INTEGER CHECK (aantal_gemeenten_bron IS NULL OR (aantal_gemeenten_bron >= 1 AND gebied_precisie = 'deel')),
    precisie_citaat TEXT NOT NULL DEFAULT '' CHECK (precisie_citaat <> '' OR gebied_precisie <> 'deel'),
    verzekeraar_herkomst TEXT NOT NULL DEFAULT 'bron' CHECK (verzekeraar_herkomst IN ('bron', 'concessie')),
    UNIQUE (project_id, indeling_jaar)
) STRICT;

CREATE TABLE project_verzekeraar (
    project_id TEXT NOT NULL REFERENCES project (project_id) ON DELETE CASCADE,
    volgorde INTEGER NOT NULL CHECK (volgorde >= 0),
    verzekeraar TEXT NOT NULL CHECK (verzekeraar IN ('Zilveren Kruis', 'Menzis', 'VGZ', 'CZ', 'DSW', 'Eno (Salland)', 'Zorg en Zekerheid', 'De Friesland', 'ONVZ', 'a.s.r.')),
    PRIMARY KEY (project_id, verzekeraar),
    UNIQUE (project_id, volgorde)
) STRICT;

CREATE TABLE project_instrument (
    project_id TEXT NOT NULL REFERENCES project (project_id) ON DELETE CASCADE,
    volgorde INTEGER NOT NULL CHECK (volgorde >= 0),
    instrument TEXT NOT NULL CHECK (instrument IN ('Werkwijze', 'Beleid', 'Inkoop', 'Collectieve zorg minima', 'Samenwerkingsdocument')),
    PRIMARY KEY (project_id, instrument),
    UNIQUE (project_id, volgorde)
) STRICT;

CREATE TABLE project_partner (
    project_id TEXT NOT NULL REFERENCES project (project_id) ON DELETE CASCADE,
    volgorde INTEGER NOT NULL CHECK (volgorde >= 0),
    partner TEXT NOT NULL CHECK (trim(partner) <> '' AND instr(partner, ';') = 0),
    PRIMARY KEY (project_id, volgorde)
) STRICT;

CREATE TABLE project_gebied (
    project_id TEXT NOT NULL REFERENCES project (project_id) ON DELETE CASCADE,
    volgorde INTEGER NOT NULL CHECK (volgorde >= 0),
    token TEXT NOT NULL CHECK (
        token GLOB 'GM[0-9][0-9][0-9][0-9]'
        OR (token GLOB 'wmo:?*' AND instr(token, ';') = 0)
        OR (token GLOB 'provincie:?*' AND instr(token, ';') = 0)
        OR token IN ('kernwerkgebied:Zilveren Kruis', 'kernwerkgebied:Menzis', 'kernwerkgebied:VGZ', 'kernwerkgebied:CZ', 'kernwerkgebied:DSW', 'kernwerkgebied:Eno (Salland)', 'kernwerkgebied:Zorg en Zekerheid', 'kernwerkgebied:De Friesland', 'kernwerkgebied:ONVZ', 'kernwerkgebied:a.s.r.')
        OR token GLOB 'zorgkantoorregio:ZK[0-9][0-9]'),
    PRIMARY KEY (project_id, token),
    UNIQUE (project_id, volgorde)
) STRICT;

CREATE TABLE project_gemeente (
    project_id TEXT NOT NULL,
    jaar INTEGER NOT NULL,
    gemeente_code TEXT NOT NULL,
    PRIMARY KEY (project_id, gemeente_code),
    FOREIGN KEY (project_id, jaar) REFERENCES project (project_id, indeling_jaar) ON DELETE CASCADE,
    FOREIGN KEY (gemeente_code, jaar) REFERENCES gemeente (gemeente_code, jaar)
) STRICT;
CREATE INDEX project_gemeente_gemeente ON project_gemeente (gemeente_code, jaar);

CREATE TABLE project_lineage (
    project_id TEXT NOT NULL REFERENCES project (project_id) ON DELETE CASCADE,
    volgorde INTEGER NOT NULL CHECK (volgorde >= 0),
    bouwt_voort_op TEXT NOT NULL REFERENCES project (project_id) DEFERRABLE INITIALLY DEFERRED,
    CHECK (bouwt_voort_op <> project_id),
    PRIMARY KEY (project_id, bouwt_voort_op),
    UNIQUE (project_id, volgorde)
) STRICT;
CREATE INDEX project_lineage_doel ON project_lineage (bouwt_voort_op);

CREATE TABLE wijziging (
    id INTEGER PRIMARY KEY AUTOINCREMENT,
    tijdstip TEXT NOT NULL CHECK (tijdstip GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]T*Z'),
    redacteur TEXT NOT NULL CHECK (trim(redacteur) <> ''),
    project_id TEXT NOT NULL,
    veld TEXT,
    oude_waarde TEXT,
    nieuwe_waarde TEXT,
    actie TEXT NOT NULL CHECK (actie IN ('toegevoegd', 'gewijzigd'))
) STRICT;
CREATE INDEX wijziging_project ON wijziging (project_id);

CREATE TABLE aanmelding (
    token_hash TEXT NOT NULL PRIMARY KEY CHECK (length(token_hash) = 64),
    soort TEXT NOT NULL CHECK (soort IN ('wachtwoord', 'oidc')),
    naam TEXT NOT NULL CHECK (trim(naam) <> ''),
    rol TEXT NOT NULL CHECK (rol IN ('kijker', 'redacteur', 'beheerder')),
    binding TEXT NOT NULL,
    begonnen REAL NOT NULL,
    laatst_actief REAL NOT NULL CHECK (laatst_actief >= begonnen),
    beeindigd INTEGER NOT NULL DEFAULT 0 CHECK (beeindigd IN (0, 1))
) STRICT;
CREATE TABLE mislukte_aanmelding (
    sleutel TEXT NOT NULL CHECK (sleutel <> ''),
    tijdstip REAL NOT NULL
) STRICT;
CREATE INDEX mislukte_aanmelding_sleutel ON mislukte_aanmelding (sleutel, tijdstip);
CREATE TABLE blokkade (
    sleutel TEXT NOT NULL PRIMARY KEY CHECK (sleutel <> ''),
    tot REAL NOT NULL
) STRICT;

PRAGMA user_version = 4;
