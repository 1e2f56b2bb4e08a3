<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>gh::engine::EmbeddedGateway</name>
    <message>
        <source>Gateway failed to start: %1</source>
        <translation>Gateway konnte nicht starten: %1</translation>
    </message>
    <message>
        <source>Gateway listening on %1</source>
        <translation>Gateway lauscht auf %1</translation>
    </message>
    <message>
        <source>Gateway stopped</source>
        <translation>Gateway angehalten</translation>
    </message>
</context>
<context>
    <name>gh::shell::MainWindow</name>
    <message>
        <source>&amp;Open Workspace…</source>
        <translation>Arbeitsbereich ö&amp;ffnen…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>&amp;Speichern</translation>
    </message>
    <message>
        <source>&amp;Close Tab</source>
        <translation>Tab s&amp;chließen</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Beenden</translation>
    </message>
    <message>
        <source>&amp;Undo</source>
        <translation>&amp;Rückgängig</translation>
    </message>
    <message>
        <source>&amp;Redo</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>&amp;Restart</source>
        <translation>&amp;Neu starten</translation>
    </message>
    <message>
        <source>&amp;Copy Address</source>
        <translation>Adresse &amp;kopieren</translation>
    </message>
    <message>
        <source>&amp;Full Screen</source>
        <translation>&amp;Vollbild</translation>
    </message>
    <message>
        <source>&amp;About Gatehouse</source>
        <translation>Ü&amp;ber Gatehouse</translation>
    </message>
    <message>
        <source>Navigator</source>
        <translation>Navigator</translation>
    </message>
    <message>
        <source>Problems</source>
        <translation>Probleme</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Datei</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>&amp;Zuletzt geöffnet</translation>
    </message>
    <message>
        <source>&amp;Edit</source>
        <translation>&amp;Bearbeiten</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>&amp;Ansicht</translation>
    </message>
    <message>
        <source>&amp;Theme</source>
        <translation>&amp;Farbschema</translation>
    </message>
    <message>
        <source>Follow &amp;System</source>
        <translation>Wie &amp;System</translation>
    </message>
    <message>
        <source>&amp;Light</source>
        <translation>&amp;Hell</translation>
    </message>
    <message>
        <source>&amp;Dark</source>
        <translation>&amp;Dunkel</translation>
    </message>
    <message>
        <source>&amp;Gateway</source>
        <translation>&amp;Gateway</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Hilfe</translation>
    </message>
    <message>
        <source>About &amp;Qt</source>
        <translation>Über &amp;Qt</translation>
    </message>
    <message>
        <source>no workspace found</source>
        <translation>kein Arbeitsbereich gefunden</translation>
    </message>
    <message>
        <source>Cannot open %1: %2</source>
        <translation>%1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Problems (%1)</source>
        <translation>Probleme (%1)</translation>
    </message>
    <message>
        <source>Opened workspace %1</source>
        <translation>Arbeitsbereich %1 geöffnet</translation>
    </message>
    <message>
        <source>Open Workspace</source>
        <translation>Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Welcome to Gatehouse</source>
        <translation>Willkommen bei Gatehouse</translation>
    </message>
    <message>
        <source>Workspace &lt;b&gt;%1&lt;/b&gt; in %2</source>
        <translation>Arbeitsbereich &lt;b&gt;%1&lt;/b&gt; in %2</translation>
    </message>
    <message numerus="yes">
        <source>%n API(s)</source>
        <translation>
            <numerusform>%n API</numerusform>
            <numerusform>%n APIs</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n product(s)</source>
        <translation>
            <numerusform>%n Produkt</numerusform>
            <numerusform>%n Produkte</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s)</source>
        <translation>
            <numerusform>%n Abonnement</numerusform>
            <numerusform>%n Abonnements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n named value(s)</source>
        <translation>
            <numerusform>%n benannter Wert</numerusform>
            <numerusform>%n benannte Werte</numerusform>
        </translation>
    </message>
    <message>
        <source>Open an APIOps artifacts folder to start.</source>
        <translation>Öffnen Sie zum Beginnen einen APIOps-Artefaktordner.</translation>
    </message>
    <message>
        <source>Getting around</source>
        <translation>Erste Schritte</translation>
    </message>
    <message>
        <source>Open a workspace</source>
        <translation>Einen Arbeitsbereich öffnen</translation>
    </message>
    <message>
        <source>Show the navigator</source>
        <translation>Den Navigator zeigen</translation>
    </message>
    <message>
        <source>Show the problems</source>
        <translation>Die Probleme zeigen</translation>
    </message>
    <message>
        <source>Restart the gateway</source>
        <translation>Das Gateway neu starten</translation>
    </message>
    <message>
        <source>Welcome</source>
        <translation>Willkommen</translation>
    </message>
    <message>
        <source>About Gatehouse</source>
        <translation>Über Gatehouse</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;An API-management studio with an embedded API gateway: design APIs, write policies, test them and watch live traffic, offline.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Gatehouse %1&lt;/h3&gt;&lt;p&gt;Ein API-Management-Studio mit eingebautem API-Gateway: APIs entwerfen, Richtlinien schreiben, testen und Live-Verkehr beobachten, offline.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Gateway running on %1</source>
        <translation>Gateway läuft auf %1</translation>
    </message>
    <message>
        <source>Gateway stopped</source>
        <translation>Gateway angehalten</translation>
    </message>
    <message>
        <source>Gateway failed: %1</source>
        <translation>Gateway fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>%1 — Gatehouse</source>
        <translation>%1 — Gatehouse</translation>
    </message>
    <message>
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
</context>
<context>
    <name>gh::workspace::ProblemsModel</name>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>Severity</source>
        <translation>Schwere</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Meldung</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Datei</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Zeile</translation>
    </message>
</context>
<context>
    <name>gh::workspace::WorkspaceTreeModel</name>
    <message>
        <source>Service policy</source>
        <translation>Dienstrichtlinie</translation>
    </message>
    <message>
        <source>The global policy: applies to every API</source>
        <translation>Die globale Richtlinie: gilt für jede API</translation>
    </message>
    <message>
        <source>(revision %1)</source>
        <translation>(Revision %1)</translation>
    </message>
    <message>
        <source>/%1 → %2</source>
        <translation>/%1 → %2</translation>
    </message>
    <message>
        <source>no backend</source>
        <translation>kein Backend</translation>
    </message>
    <message>
        <source>APIs</source>
        <translation>APIs</translation>
    </message>
    <message>
        <source>Version set, versioned by %1</source>
        <translation>Versionsgruppe, versioniert über %1</translation>
    </message>
    <message>
        <source>Products</source>
        <translation>Produkte</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Scope %1, %2</source>
        <translation>Bereich %1, %2</translation>
    </message>
    <message>
        <source>Named values</source>
        <translation>Benannte Werte</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheim</translation>
    </message>
    <message>
        <source>Backends</source>
        <translation>Backends</translation>
    </message>
    <message>
        <source>Policy fragments</source>
        <translation>Richtlinienfragmente</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
</context>
<context>
    <name>main</name>
    <message>
        <source>API-management studio with an embedded gateway</source>
        <translation>API-Management-Studio mit eingebautem Gateway</translation>
    </message>
    <message>
        <source>APIOps artifacts folder to open</source>
        <translation>Zu öffnender APIOps-Artefaktordner</translation>
    </message>
    <message>
        <source>Save a screenshot of every view into &lt;folder&gt; and exit.</source>
        <translation>Ein Bildschirmfoto jeder Ansicht in &lt;folder&gt; speichern und beenden.</translation>
    </message>
</context>
</TS>
