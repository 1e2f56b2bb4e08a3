<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="de_DE">
<context>
    <name>QObject</name>
    <message>
        <source>New &amp;API</source>
        <translation>Neue &amp;API</translation>
    </message>
    <message>
        <source>&amp;Import OpenAPI…</source>
        <translation>OpenAPI &amp;importieren…</translation>
    </message>
    <message>
        <source>E&amp;xport OpenAPI…</source>
        <translation>OpenAPI e&amp;xportieren…</translation>
    </message>
    <message>
        <source>The specification does not parse, so it cannot be converted.</source>
        <translation>Die Spezifikation ist nicht lesbar und kann daher nicht konvertiert werden.</translation>
    </message>
    <message>
        <source>Export OpenAPI</source>
        <translation>OpenAPI exportieren</translation>
    </message>
    <message>
        <source>YAML (*.yaml *.yml);;JSON (*.json)</source>
        <translation>YAML (*.yaml *.yml);;JSON (*.json)</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
</context>
<context>
    <name>gh::analytics::AnalyticsView</name>
    <message>
        <source>Unauthorized</source>
        <translation>Nicht autorisiert</translation>
    </message>
    <message>
        <source>Rate limited</source>
        <translation>Ratenbegrenzt</translation>
    </message>
    <message>
        <source>Quota exceeded</source>
        <translation>Kontingent überschritten</translation>
    </message>
    <message>
        <source>Not found</source>
        <translation>Nicht gefunden</translation>
    </message>
    <message>
        <source>Backend error</source>
        <translation>Backend-Fehler</translation>
    </message>
    <message>
        <source>Gateway error</source>
        <translation>Gateway-Fehler</translation>
    </message>
    <message>
        <source>Other client error</source>
        <translation>Anderer Clientfehler</translation>
    </message>
    <message>
        <source>No response</source>
        <translation>Keine Antwort</translation>
    </message>
    <message>
        <source>&amp;Dashboard</source>
        <translation>&amp;Dashboard</translation>
    </message>
    <message>
        <source>&amp;Range:</source>
        <translation>&amp;Zeitraum:</translation>
    </message>
    <message>
        <source>Time range</source>
        <translation>Zeitraum</translation>
    </message>
    <message>
        <source>Live – last 5 minutes</source>
        <translation>Live – letzte 5 Minuten</translation>
    </message>
    <message>
        <source>Last hour</source>
        <translation>Letzte Stunde</translation>
    </message>
    <message>
        <source>Last 24 hours</source>
        <translation>Letzte 24 Stunden</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Benutzerdefiniert…</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Von</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Bis</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Status class</source>
        <translation>Statusklasse</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>Alle Status</translation>
    </message>
    <message>
        <source>%1xx</source>
        <translation>%1xx</translation>
    </message>
    <message>
        <source>&amp;Filter:</source>
        <translation>&amp;Filter:</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>Pausieren</translation>
    </message>
    <message>
        <source>Freeze the charts to look at them; the traffic is still counted</source>
        <translation>Die Diagramme zum Betrachten anhalten; der Datenverkehr wird weiter gezählt</translation>
    </message>
    <message>
        <source>Simulate Traffic…</source>
        <translation>Datenverkehr simulieren…</translation>
    </message>
    <message>
        <source>Send load through the embedded gateway at a chosen rate and mix</source>
        <translation>Last mit gewählter Rate und Mischung durch das eingebaute Gateway senden</translation>
    </message>
    <message>
        <source>Open History…</source>
        <translation>Verlauf öffnen…</translation>
    </message>
    <message>
        <source>Read the analytics history a gateway wrote with --analytics-db</source>
        <translation>Den Analyseverlauf lesen, den ein Gateway mit --analytics-db geschrieben hat</translation>
    </message>
    <message>
        <source>Open Analytics History</source>
        <translation>Analyseverlauf öffnen</translation>
    </message>
    <message>
        <source>Analytics history (*.sqlite *.db);;All files (*)</source>
        <translation>Analyseverlauf (*.sqlite *.db);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Export PNG…</source>
        <translation>Als PNG exportieren…</translation>
    </message>
    <message>
        <source>Save the dashboard as a PNG image</source>
        <translation>Das Dashboard als PNG-Bild speichern</translation>
    </message>
    <message>
        <source>Export Dashboard</source>
        <translation>Dashboard exportieren</translation>
    </message>
    <message>
        <source>dashboard.png</source>
        <translation>dashboard.png</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source>/s</source>
        <translation>/s</translation>
    </message>
    <message>
        <source>Latency (ms): total solid, backend dashed</source>
        <translation>Latenz (ms): gesamt durchgezogen, Backend gestrichelt</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>Bandwidth (KB/s)</source>
        <translation>Bandbreite (KB/s)</translation>
    </message>
    <message>
        <source> KB/s</source>
        <translation> KB/s</translation>
    </message>
    <message>
        <source>Errors and rejections per second</source>
        <translation>Fehler und Ablehnungen pro Sekunde</translation>
    </message>
    <message>
        <source>Cache hit ratio (%)</source>
        <translation>Cache-Trefferquote (%)</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>Top APIs</source>
        <translation>Top-APIs</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operationen</translation>
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
        <source>&amp;Requests</source>
        <translation>&amp;Anfragen</translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>Alle APIs</translation>
    </message>
    <message>
        <source>All operations</source>
        <translation>Alle Operationen</translation>
    </message>
    <message>
        <source>All products</source>
        <translation>Alle Produkte</translation>
    </message>
    <message>
        <source>All subscriptions</source>
        <translation>Alle Abonnements</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Fortsetzen</translation>
    </message>
    <message>
        <source>2xx</source>
        <translation>2xx</translation>
    </message>
    <message>
        <source>1xx/3xx</source>
        <translation>1xx/3xx</translation>
    </message>
    <message>
        <source>4xx</source>
        <translation>4xx</translation>
    </message>
    <message>
        <source>5xx</source>
        <translation>5xx</translation>
    </message>
    <message>
        <source>p50</source>
        <translation>p50</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
    <message>
        <source>p99</source>
        <translation>p99</translation>
    </message>
    <message>
        <source>backend p50</source>
        <translation>Backend p50</translation>
    </message>
    <message>
        <source>backend p95</source>
        <translation>Backend p95</translation>
    </message>
    <message>
        <source>backend p99</source>
        <translation>Backend p99</translation>
    </message>
    <message>
        <source>in</source>
        <translation>ein</translation>
    </message>
    <message>
        <source>out</source>
        <translation>aus</translation>
    </message>
    <message>
        <source>hits</source>
        <translation>Treffer</translation>
    </message>
    <message>
        <source>Embedded gateway stopped</source>
        <translation>Eingebautes Gateway angehalten</translation>
    </message>
    <message>
        <source>History: %1</source>
        <translation>Verlauf: %1</translation>
    </message>
    <message>
        <source>⚠ History unavailable</source>
        <translation>⚠ Verlauf nicht verfügbar</translation>
    </message>
    <message>
        <source>⚠ %L1 records dropped</source>
        <translation>⚠ %L1 Einträge verworfen</translation>
    </message>
    <message>
        <source>The gateway never waits for the console: when the charts (%L1) or the history writer (%L2) fall behind a burst of traffic, records are counted here instead.</source>
        <translation>Das Gateway wartet nie auf die Konsole: Wenn die Diagramme (%L1) oder der Verlaufsschreiber (%L2) bei einem Verkehrsstoß nicht mithalten, werden die Einträge stattdessen hier gezählt.</translation>
    </message>
    <message>
        <source>Embedded gateway · %L1 requests</source>
        <translation>Eingebautes Gateway · %L1 Anfragen</translation>
    </message>
    <message>
        <source>Requests seen live since this tab opened. History: %1</source>
        <translation>Live gesehene Anfragen seit dem Öffnen dieses Tabs. Verlauf: %1</translation>
    </message>
</context>
<context>
    <name>gh::analytics::ApiMixModel</name>
    <message>
        <source>%1: include it in the traffic or leave it out.</source>
        <translation>%1: in den Datenverkehr aufnehmen oder weglassen.</translation>
    </message>
    <message>
        <source>root only</source>
        <translation>nur Stammpfad</translation>
    </message>
    <message>
        <source>The API has no operations in its specification: its root path is called.</source>
        <translation>Die API hat keine Operationen in ihrer Spezifikation: Ihr Stammpfad wird aufgerufen.</translation>
    </message>
    <message>
        <source>Relative share of the traffic: an API of weight 2 gets twice the requests of one of weight 1. Double-click to change it.</source>
        <translation>Relativer Anteil am Datenverkehr: Eine API mit Gewicht 2 erhält doppelt so viele Anfragen wie eine mit Gewicht 1. Zum Ändern doppelklicken.</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewicht</translation>
    </message>
</context>
<context>
    <name>gh::analytics::ChartPanel</name>
    <message>
        <source>Save Chart as PNG…</source>
        <translation>Diagramm als PNG speichern…</translation>
    </message>
    <message>
        <source>Save Chart</source>
        <translation>Diagramm speichern</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG-Bilder (*.png)</translation>
    </message>
</context>
<context>
    <name>gh::analytics::RequestLogModel</name>
    <message>
        <source>Loading…</source>
        <translation>Wird geladen…</translation>
    </message>
    <message>
        <source>Error: %1</source>
        <translation>Fehler: %1</translation>
    </message>
    <message>
        <source>When the request arrived (local time)</source>
        <translation>Wann die Anfrage eintraf (Ortszeit)</translation>
    </message>
    <message>
        <source>Total time from the first byte received to the last byte sent, in milliseconds</source>
        <translation>Gesamtzeit vom ersten empfangenen bis zum letzten gesendeten Byte, in Millisekunden</translation>
    </message>
    <message>
        <source>Time spent waiting for the backend, in milliseconds</source>
        <translation>Wartezeit auf das Backend, in Millisekunden</translation>
    </message>
    <message>
        <source>Request bytes received (head and body)</source>
        <translation>Empfangene Bytes der Anfrage (Kopf und Body)</translation>
    </message>
    <message>
        <source>Response bytes sent (head and body)</source>
        <translation>Gesendete Bytes der Antwort (Kopf und Body)</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Zeit</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Latency (ms)</source>
        <translation>Latenz (ms)</translation>
    </message>
    <message>
        <source>Backend (ms)</source>
        <translation>Backend (ms)</translation>
    </message>
    <message>
        <source>Bytes in</source>
        <translation>Bytes ein</translation>
    </message>
    <message>
        <source>Bytes out</source>
        <translation>Bytes aus</translation>
    </message>
    <message>
        <source>No response (the connection closed first)</source>
        <translation>Keine Antwort (die Verbindung wurde zuvor geschlossen)</translation>
    </message>
</context>
<context>
    <name>gh::analytics::RequestLogView</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 bytes</source>
        <translation>%1 Bytes</translation>
    </message>
    <message>
        <source>Request log</source>
        <translation>Anfrageprotokoll</translation>
    </message>
    <message>
        <source>Search requests</source>
        <translation>Anfragen durchsuchen</translation>
    </message>
    <message>
        <source>Search path, query, method, client, error or request id (Ctrl+F)</source>
        <translation>Pfad, Abfrage, Methode, Client, Fehler oder Anfrage-ID durchsuchen (Strg+F)</translation>
    </message>
    <message>
        <source>&amp;Search:</source>
        <translation>&amp;Suchen:</translation>
    </message>
    <message>
        <source>Request count</source>
        <translation>Anzahl der Anfragen</translation>
    </message>
    <message>
        <source>Jump to the newest requests</source>
        <translation>Zu den neuesten Anfragen springen</translation>
    </message>
    <message>
        <source>Scroll to the top, where new requests appear</source>
        <translation>Nach oben scrollen, wo neue Anfragen erscheinen</translation>
    </message>
    <message>
        <source>Export status</source>
        <translation>Exportstatus</translation>
    </message>
    <message>
        <source>E&amp;xport…</source>
        <translation>E&amp;xportieren…</translation>
    </message>
    <message>
        <source>Export the requests shown</source>
        <translation>Die angezeigten Anfragen exportieren</translation>
    </message>
    <message>
        <source>Write the requests the filter and search match to a CSV or JSON lines file</source>
        <translation>Die Anfragen, auf die Filter und Suche zutreffen, in eine CSV- oder JSON-Lines-Datei schreiben</translation>
    </message>
    <message>
        <source>Requests, newest first</source>
        <translation>Anfragen, neueste zuerst</translation>
    </message>
    <message>
        <source>No requests</source>
        <translation>Keine Anfragen</translation>
    </message>
    <message>
        <source>Backend latency:</source>
        <translation>Backend-Latenz:</translation>
    </message>
    <message>
        <source>Request details</source>
        <translation>Details der Anfrage</translation>
    </message>
    <message>
        <source>Select a request to see its details.</source>
        <translation>Eine Anfrage auswählen, um ihre Details zu sehen.</translation>
    </message>
    <message>
        <source>Loading the request…</source>
        <translation>Anfrage wird geladen…</translation>
    </message>
    <message>
        <source>Request ID:</source>
        <translation>Anfrage-ID:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Zeit:</translation>
    </message>
    <message>
        <source>Client:</source>
        <translation>Client:</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>Methode:</translation>
    </message>
    <message>
        <source>URL:</source>
        <translation>URL:</translation>
    </message>
    <message>
        <source>API:</source>
        <translation>API:</translation>
    </message>
    <message>
        <source>Operation:</source>
        <translation>Operation:</translation>
    </message>
    <message>
        <source>Product:</source>
        <translation>Produkt:</translation>
    </message>
    <message>
        <source>Subscription:</source>
        <translation>Abonnement:</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Error reason:</source>
        <translation>Fehlerursache:</translation>
    </message>
    <message>
        <source>Latency:</source>
        <translation>Latenz:</translation>
    </message>
    <message>
        <source>Bytes in:</source>
        <translation>Bytes ein:</translation>
    </message>
    <message>
        <source>Bytes out:</source>
        <translation>Bytes aus:</translation>
    </message>
    <message>
        <source>Cache hit:</source>
        <translation>Cache-Treffer:</translation>
    </message>
    <message>
        <source>I/O thread:</source>
        <translation>E/A-Thread:</translation>
    </message>
    <message>
        <source>Policy trace</source>
        <translation>Richtlinien-Trace</translation>
    </message>
    <message>
        <source>Policy trace of the request</source>
        <translation>Richtlinien-Trace der Anfrage</translation>
    </message>
    <message>
        <source>&amp;Open in Test Console</source>
        <translation>In der Testkonsole ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the request in the Test Console</source>
        <translation>Die Anfrage in der Testkonsole öffnen</translation>
    </message>
    <message>
        <source>Fill the Test Console with this request&apos;s method, API, operation and URL</source>
        <translation>Die Testkonsole mit Methode, API, Operation und URL dieser Anfrage füllen</translation>
    </message>
    <message>
        <source>Logged headers</source>
        <translation>Protokollierte Header</translation>
    </message>
    <message>
        <source>Counting…</source>
        <translation>Wird gezählt…</translation>
    </message>
    <message>
        <source>1 request</source>
        <translation>1 Anfrage</translation>
    </message>
    <message>
        <source>%1 requests</source>
        <translation>%1 Anfragen</translation>
    </message>
    <message>
        <source>No requests match the filter. Clear the search or widen the dashboard&apos;s filters.</source>
        <translation>Keine Anfragen entsprechen dem Filter. Die Suche leeren oder die Filter des Dashboards erweitern.</translation>
    </message>
    <message>
        <source>This history cannot be read: %1</source>
        <translation>Dieser Verlauf kann nicht gelesen werden: %1</translation>
    </message>
    <message>
        <source>No requests recorded yet. Send a call from the Test Console or start the Traffic Simulator.</source>
        <translation>Noch keine Anfragen aufgezeichnet. Einen Aufruf aus der Testkonsole senden oder den Verkehrssimulator starten.</translation>
    </message>
    <message>
        <source>CSV (*.csv)</source>
        <translation>CSV (*.csv)</translation>
    </message>
    <message>
        <source>JSON lines (*.jsonl)</source>
        <translation>JSON Lines (*.jsonl)</translation>
    </message>
    <message>
        <source>Export Requests</source>
        <translation>Anfragen exportieren</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>Wird exportiert…</translation>
    </message>
    <message>
        <source>Exported 1 request to %1</source>
        <translation>1 Anfrage nach %1 exportiert</translation>
    </message>
    <message>
        <source>Exported %1 requests to %2</source>
        <translation>%1 Anfragen nach %2 exportiert</translation>
    </message>
    <message>
        <source>Export failed: %1</source>
        <translation>Export fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>↑ 1 new request</source>
        <translation>↑ 1 neue Anfrage</translation>
    </message>
    <message>
        <source>↑ %1 new requests</source>
        <translation>↑ %1 neue Anfragen</translation>
    </message>
    <message>
        <source>— (no backend call)</source>
        <translation>— (kein Backend-Aufruf)</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>Ja</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Nein</translation>
    </message>
    <message>
        <source>none logged</source>
        <translation>keine protokolliert</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Header der Anfrage</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Header der Antwort</translation>
    </message>
    <message>
        <source>No trace kept for this request. Requests sent from the Test Console with tracing on keep their trace while the gateway runs.</source>
        <translation>Für diese Anfrage wurde kein Trace aufbewahrt. Anfragen, die mit aktiviertem Tracing aus der Testkonsole gesendet werden, behalten ihren Trace, solange das Gateway läuft.</translation>
    </message>
</context>
<context>
    <name>gh::analytics::TopTableModel</name>
    <message>
        <source>Calls</source>
        <translation>Aufrufe</translation>
    </message>
    <message>
        <source>Errors</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>p95</source>
        <translation>p95</translation>
    </message>
</context>
<context>
    <name>gh::analytics::TrafficSimulator</name>
    <message>
        <source>The gateway is not running.</source>
        <translation>Das Gateway läuft nicht.</translation>
    </message>
    <message>
        <source>There is nothing to call: the workspace has no API, or every API has weight 0.</source>
        <translation>Es gibt nichts aufzurufen: Der Arbeitsbereich hat keine API, oder jede API hat das Gewicht 0.</translation>
    </message>
</context>
<context>
    <name>gh::analytics::TrafficSimulatorDialog</name>
    <message>
        <source>Simulate Traffic</source>
        <translation>Datenverkehr simulieren</translation>
    </message>
    <message>
        <source>Traffic simulator</source>
        <translation>Verkehrssimulator</translation>
    </message>
    <message>
        <source>Gateway state</source>
        <translation>Gateway-Status</translation>
    </message>
    <message>
        <source>&amp;Start</source>
        <translation>&amp;Starten</translation>
    </message>
    <message>
        <source>Stops the traffic and closes the simulator.</source>
        <translation>Hält den Datenverkehr an und schließt den Simulator.</translation>
    </message>
    <message>
        <source>Load</source>
        <translation>Last</translation>
    </message>
    <message>
        <source>Requests per second</source>
        <translation>Anfragen pro Sekunde</translation>
    </message>
    <message>
        <source> requests/s</source>
        <translation> Anfragen/s</translation>
    </message>
    <message>
        <source>How many requests to send each second. Six connections carry them, so very high rates may not be reached: the achieved rate below says what was.</source>
        <translation>Wie viele Anfragen pro Sekunde gesendet werden. Sechs Verbindungen tragen sie, daher werden sehr hohe Raten eventuell nicht erreicht: Die erreichte Rate unten zeigt den tatsächlichen Wert.</translation>
    </message>
    <message>
        <source>Requests per second, on a logarithmic scale</source>
        <translation>Anfragen pro Sekunde, auf logarithmischer Skala</translation>
    </message>
    <message>
        <source>Stop after</source>
        <translation>Anhalten nach</translation>
    </message>
    <message>
        <source>Stop after a number of seconds</source>
        <translation>Nach einer Anzahl von Sekunden anhalten</translation>
    </message>
    <message>
        <source>Unchecked, the traffic runs until you press Stop.</source>
        <translation>Wenn nicht markiert, läuft der Datenverkehr, bis Sie auf „Anhalten“ drücken.</translation>
    </message>
    <message>
        <source>Duration in seconds</source>
        <translation>Dauer in Sekunden</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>Bad keys, percent of requests</source>
        <translation>Ungültige Schlüssel, Prozent der Anfragen</translation>
    </message>
    <message>
        <source> %</source>
        <translation> %</translation>
    </message>
    <message>
        <source>This share of the requests carries a made-up subscription key instead of a real one, so the gateway answers 401 Unauthorized.</source>
        <translation>Dieser Anteil der Anfragen trägt einen erfundenen Abonnementschlüssel statt eines echten, daher antwortet das Gateway mit 401 Unauthorized.</translation>
    </message>
    <message>
        <source>Errors, percent of requests</source>
        <translation>Fehler, Prozent der Anfragen</translation>
    </message>
    <message>
        <source>This share of the requests asks for a path no operation has, or uses a method the operation does not have, so the gateway answers 404 Not Found.</source>
        <translation>Dieser Anteil der Anfragen fragt einen Pfad an, den keine Operation hat, oder verwendet eine Methode, die die Operation nicht hat, daher antwortet das Gateway mit 404 Not Found.</translation>
    </message>
    <message>
        <source>Send request b&amp;odies</source>
        <translation>&amp;Bodys der Anfragen senden</translation>
    </message>
    <message>
        <source>Send request bodies</source>
        <translation>Bodys der Anfragen senden</translation>
    </message>
    <message>
        <source>POST, PUT and PATCH requests carry the example of the operation&apos;s request, when its specification has one.</source>
        <translation>POST-, PUT- und PATCH-Anfragen tragen das Beispiel der Anfrage der Operation, sofern ihre Spezifikation eines enthält.</translation>
    </message>
    <message>
        <source>&amp;Rate:</source>
        <translation>&amp;Rate:</translation>
    </message>
    <message>
        <source>&amp;Duration:</source>
        <translation>&amp;Dauer:</translation>
    </message>
    <message>
        <source>Bad &amp;keys:</source>
        <translation>&amp;Ungültige Schlüssel:</translation>
    </message>
    <message>
        <source>&amp;Errors:</source>
        <translation>&amp;Fehler:</translation>
    </message>
    <message>
        <source>Mix</source>
        <translation>Mischung</translation>
    </message>
    <message>
        <source>APIs to call, with their weights</source>
        <translation>Aufzurufende APIs mit ihren Gewichten</translation>
    </message>
    <message>
        <source>&amp;APIs (GET operations get three times the share of the others):</source>
        <translation>A&amp;PIs (GET-Operationen erhalten den dreifachen Anteil der anderen):</translation>
    </message>
    <message>
        <source>Subscriptions whose keys are sent</source>
        <translation>Abonnements, deren Schlüssel gesendet werden</translation>
    </message>
    <message>
        <source>Each request carries the key of one of the checked subscriptions that can call its API, chosen at random.</source>
        <translation>Jede Anfrage trägt den Schlüssel eines zufällig gewählten markierten Abonnements, das ihre API aufrufen darf.</translation>
    </message>
    <message>
        <source>Su&amp;bscriptions whose keys are sent:</source>
        <translation>Abo&amp;nnements, deren Schlüssel gesendet werden:</translation>
    </message>
    <message>
        <source>Live</source>
        <translation>Live</translation>
    </message>
    <message>
        <source>Elapsed time</source>
        <translation>Verstrichene Zeit</translation>
    </message>
    <message>
        <source>Requests sent</source>
        <translation>Gesendete Anfragen</translation>
    </message>
    <message>
        <source>Achieved rate</source>
        <translation>Erreichte Rate</translation>
    </message>
    <message>
        <source>2xx answers</source>
        <translation>2xx-Antworten</translation>
    </message>
    <message>
        <source>3xx answers</source>
        <translation>3xx-Antworten</translation>
    </message>
    <message>
        <source>4xx answers</source>
        <translation>4xx-Antworten</translation>
    </message>
    <message>
        <source>5xx answers</source>
        <translation>5xx-Antworten</translation>
    </message>
    <message>
        <source>Failed requests</source>
        <translation>Fehlgeschlagene Anfragen</translation>
    </message>
    <message>
        <source>Requests behind</source>
        <translation>Rückstand an Anfragen</translation>
    </message>
    <message>
        <source>Elapsed:</source>
        <translation>Verstrichen:</translation>
    </message>
    <message>
        <source>Sent:</source>
        <translation>Gesendet:</translation>
    </message>
    <message>
        <source>Achieved rate:</source>
        <translation>Erreichte Rate:</translation>
    </message>
    <message>
        <source>2xx:</source>
        <translation>2xx:</translation>
    </message>
    <message>
        <source>3xx:</source>
        <translation>3xx:</translation>
    </message>
    <message>
        <source>4xx:</source>
        <translation>4xx:</translation>
    </message>
    <message>
        <source>5xx:</source>
        <translation>5xx:</translation>
    </message>
    <message>
        <source>Failed:</source>
        <translation>Fehlgeschlagen:</translation>
    </message>
    <message>
        <source>Behind:</source>
        <translation>Rückstand:</translation>
    </message>
    <message>
        <source>Requests that were due but not sent because %1 were already waiting for an answer.</source>
        <translation>Fällige Anfragen, die nicht gesendet wurden, weil bereits %1 auf eine Antwort warteten.</translation>
    </message>
    <message>
        <source>Requests that got no HTTP answer: refused, reset or timed out.</source>
        <translation>Anfragen ohne HTTP-Antwort: abgelehnt, zurückgesetzt oder Zeitüberschreitung.</translation>
    </message>
    <message>
        <source>%1, scope %2</source>
        <translation>%1, Bereich %2</translation>
    </message>
    <message>
        <source>No active subscription has a key: every request goes without one, so APIs that need a subscription answer 401. Add a subscription with a key to send good traffic.</source>
        <translation>Kein aktives Abonnement hat einen Schlüssel: Jede Anfrage wird ohne gesendet, daher antworten APIs, die ein Abonnement erfordern, mit 401. Ein Abonnement mit Schlüssel hinzufügen, um gültigen Datenverkehr zu senden.</translation>
    </message>
    <message numerus="yes">
        <source>%n subscription(s) not listed: not active, or without a key.</source>
        <translation>
            <numerusform>%n Abonnement nicht aufgeführt: nicht aktiv oder ohne Schlüssel.</numerusform>
            <numerusform>%n Abonnements nicht aufgeführt: nicht aktiv oder ohne Schlüssel.</numerusform>
        </translation>
    </message>
    <message>
        <source>Sends to the embedded gateway at %1.</source>
        <translation>Sendet an das eingebaute Gateway unter %1.</translation>
    </message>
    <message>
        <source>The gateway is not running: start it (Gateway ▸ Start) to send traffic.</source>
        <translation>Das Gateway läuft nicht: Es starten (Gateway ▸ Starten), um Datenverkehr zu senden.</translation>
    </message>
    <message>
        <source>Start the gateway first.</source>
        <translation>Zuerst das Gateway starten.</translation>
    </message>
    <message>
        <source>Check at least one API to call.</source>
        <translation>Mindestens eine aufzurufende API markieren.</translation>
    </message>
    <message>
        <source>S&amp;top</source>
        <translation>&amp;Anhalten</translation>
    </message>
    <message>
        <source>Stop the traffic</source>
        <translation>Den Datenverkehr anhalten</translation>
    </message>
    <message>
        <source>Start the traffic</source>
        <translation>Den Datenverkehr starten</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 s</translation>
    </message>
    <message>
        <source>%1 (%2 waiting for an answer)</source>
        <translation>%1 (%2 warten auf eine Antwort)</translation>
    </message>
    <message>
        <source>%1 requests/s (asked: %2)</source>
        <translation>%1 Anfragen/s (angefordert: %2)</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
</context>
<context>
    <name>gh::apis</name>
    <message>
        <source>Make Revision %1 Current</source>
        <translation>Revision %1 als aktuell festlegen</translation>
    </message>
    <message>
        <source>The URL template is empty: write at least &quot;/&quot;.</source>
        <translation>Die URL-Vorlage ist leer: Mindestens „/“ eingeben.</translation>
    </message>
    <message>
        <source>The URL template starts with &quot;/&quot;.</source>
        <translation>Die URL-Vorlage beginnt mit „/“.</translation>
    </message>
    <message>
        <source>&quot;{&quot; inside a parameter: close the one at column %1 first.</source>
        <translation>„{“ innerhalb eines Parameters: Zuerst den in Spalte %1 schließen.</translation>
    </message>
    <message>
        <source>&quot;}&quot; without a matching &quot;{&quot;.</source>
        <translation>„}“ ohne passendes „{“.</translation>
    </message>
    <message>
        <source>Empty parameter &quot;{}&quot;: give it a name.</source>
        <translation>Leerer Parameter „{}“: Geben Sie ihm einen Namen.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a valid parameter name: use letters, digits, &quot;_&quot;, &quot;-&quot; and &quot;.&quot;, starting with a letter.</source>
        <translation>„%1“ ist kein gültiger Parametername: Buchstaben, Ziffern, „_“, „-“ und „.“ verwenden, beginnend mit einem Buchstaben.</translation>
    </message>
    <message>
        <source>The parameter &quot;%1&quot; appears twice.</source>
        <translation>Der Parameter „%1“ kommt zweimal vor.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not allowed in a URL template.</source>
        <translation>„%1“ ist in einer URL-Vorlage nicht erlaubt.</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>ein Leerzeichen</translation>
    </message>
    <message>
        <source>&quot;{&quot; is never closed.</source>
        <translation>„{“ wird nie geschlossen.</translation>
    </message>
</context>
<context>
    <name>gh::apis::ApiDesigner</name>
    <message>
        <source>Line %1, column %2: %3</source>
        <translation>Zeile %1, Spalte %2: %3</translation>
    </message>
    <message>
        <source>API designer</source>
        <translation>API-Designer</translation>
    </message>
    <message>
        <source>Designer sections</source>
        <translation>Designer-Abschnitte</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>&amp;Einstellungen</translation>
    </message>
    <message>
        <source>&amp;Operations</source>
        <translation>&amp;Operationen</translation>
    </message>
    <message>
        <source>Open&amp;API</source>
        <translation>Open&amp;API</translation>
    </message>
    <message>
        <source>&lt;h3&gt;This API is no longer in the workspace&lt;/h3&gt;&lt;p&gt;It was deleted, or another revision was made current. Undo (Ctrl+Z) brings it back.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Diese API ist nicht mehr im Arbeitsbereich&lt;/h3&gt;&lt;p&gt;Sie wurde gelöscht, oder eine andere Revision wurde als aktuell festgelegt. Rückgängig (Strg+Z) stellt sie wieder her.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>&amp;Add Operation</source>
        <translation>Operation &amp;hinzufügen</translation>
    </message>
    <message>
        <source>D&amp;uplicate Operation</source>
        <translation>Operation &amp;duplizieren</translation>
    </message>
    <message>
        <source>&amp;Delete Operation</source>
        <translation>Operation &amp;löschen</translation>
    </message>
    <message>
        <source>Move &amp;Up</source>
        <translation>Nach o&amp;ben</translation>
    </message>
    <message>
        <source>Move Do&amp;wn</source>
        <translation>Nach u&amp;nten</translation>
    </message>
    <message>
        <source>&amp;Import OpenAPI…</source>
        <translation>OpenAPI &amp;importieren…</translation>
    </message>
    <message>
        <source>&amp;Export OpenAPI…</source>
        <translation>OpenAPI e&amp;xportieren…</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Hinzufügen</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Duplizieren</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Up</source>
        <translation>Nach oben</translation>
    </message>
    <message>
        <source>Down</source>
        <translation>Nach unten</translation>
    </message>
    <message>
        <source>API title</source>
        <translation>API-Titel</translation>
    </message>
    <message>
        <source>API summary</source>
        <translation>API-Übersicht</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Allgemein</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Shown in the developer portal, e.g. Orders API</source>
        <translation>Wird im Entwicklerportal angezeigt, z. B. Bestell-API</translation>
    </message>
    <message>
        <source>Change Display Name</source>
        <translation>Anzeigename ändern</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>The ARM name (the folder under apis/). Renaming an existing API is a delete and a create in API Management, so it is not offered here.</source>
        <translation>Der ARM-Name (der Ordner unter apis/). Das Umbenennen einer bestehenden API ist in API Management ein Löschen und Neuanlegen und wird hier daher nicht angeboten.</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>&amp;Name:</translation>
    </message>
    <message>
        <source>API URL suffix</source>
        <translation>API-URL-Suffix</translation>
    </message>
    <message>
        <source>e.g. orders</source>
        <translation>z. B. orders</translation>
    </message>
    <message>
        <source>Change Path</source>
        <translation>Pfad ändern</translation>
    </message>
    <message>
        <source>URL &amp;suffix:</source>
        <translation>URL-Su&amp;ffix:</translation>
    </message>
    <message>
        <source>HTT&amp;P</source>
        <translation>HTT&amp;P</translation>
    </message>
    <message>
        <source>HTTP</source>
        <translation>HTTP</translation>
    </message>
    <message>
        <source>HTTP&amp;S</source>
        <translation>HTTP&amp;S</translation>
    </message>
    <message>
        <source>HTTPS</source>
        <translation>HTTPS</translation>
    </message>
    <message>
        <source>Change Protocols</source>
        <translation>Protokolle ändern</translation>
    </message>
    <message>
        <source>Protocols:</source>
        <translation>Protokolle:</translation>
    </message>
    <message>
        <source>Web service URL</source>
        <translation>Webdienst-URL</translation>
    </message>
    <message>
        <source>https://backend.example.com/orders</source>
        <translation>https://backend.example.com/orders</translation>
    </message>
    <message>
        <source>Change Service URL</source>
        <translation>Dienst-URL ändern</translation>
    </message>
    <message>
        <source>&amp;Web service URL:</source>
        <translation>&amp;Webdienst-URL:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>What the API offers (may contain HTML)</source>
        <translation>Was die API anbietet (darf HTML enthalten)</translation>
    </message>
    <message>
        <source>Change Description</source>
        <translation>Beschreibung ändern</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Edit Po&amp;licy…</source>
        <translation>Richt&amp;linie bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the API&apos;s policy</source>
        <translation>Die Richtlinie der API bearbeiten</translation>
    </message>
    <message>
        <source>Opens the policy every operation of this API runs (policy.xml)</source>
        <translation>Öffnet die Richtlinie, die jede Operation dieser API ausführt (policy.xml)</translation>
    </message>
    <message>
        <source>Policy:</source>
        <translation>Richtlinie:</translation>
    </message>
    <message>
        <source>Subscription and versions</source>
        <translation>Abonnement und Versionen</translation>
    </message>
    <message>
        <source>Su&amp;bscription required</source>
        <translation>Abonnement erfor&amp;derlich</translation>
    </message>
    <message>
        <source>Subscription required</source>
        <translation>Abonnement erforderlich</translation>
    </message>
    <message>
        <source>Change Subscription Required</source>
        <translation>Abonnementpflicht ändern</translation>
    </message>
    <message>
        <source>Subscription key header name</source>
        <translation>Headername für den Abonnementschlüssel</translation>
    </message>
    <message>
        <source>Change Key Header</source>
        <translation>Schlüssel-Header ändern</translation>
    </message>
    <message>
        <source>Key &amp;header name:</source>
        <translation>Schlüssel-&amp;Headername:</translation>
    </message>
    <message>
        <source>Subscription key query parameter name</source>
        <translation>Abfrageparametername für den Abonnementschlüssel</translation>
    </message>
    <message>
        <source>Change Key Query Parameter</source>
        <translation>Schlüssel-Abfrageparameter ändern</translation>
    </message>
    <message>
        <source>Key &amp;query parameter:</source>
        <translation>Schlüssel-Abfra&amp;geparameter:</translation>
    </message>
    <message>
        <source>Version set</source>
        <translation>Versionssatz</translation>
    </message>
    <message>
        <source>Change Version Set</source>
        <translation>Versionssatz ändern</translation>
    </message>
    <message>
        <source>Version se&amp;t:</source>
        <translation>Versionssa&amp;tz:</translation>
    </message>
    <message>
        <source>Version</source>
        <translation>Version</translation>
    </message>
    <message>
        <source>e.g. v2 (empty for the original version)</source>
        <translation>z. B. v2 (leer für die ursprüngliche Version)</translation>
    </message>
    <message>
        <source>Change Version</source>
        <translation>Version ändern</translation>
    </message>
    <message>
        <source>&amp;Version:</source>
        <translation>&amp;Version:</translation>
    </message>
    <message>
        <source>Revisions</source>
        <translation>Revisionen</translation>
    </message>
    <message>
        <source>Double-click a revision to open it.</source>
        <translation>Doppelklick auf eine Revision öffnet sie.</translation>
    </message>
    <message>
        <source>Create &amp;Revision</source>
        <translation>&amp;Revision erstellen</translation>
    </message>
    <message>
        <source>Create revision</source>
        <translation>Revision erstellen</translation>
    </message>
    <message>
        <source>Copies this API into a new, non-current revision</source>
        <translation>Kopiert diese API in eine neue, nicht aktuelle Revision</translation>
    </message>
    <message>
        <source>&amp;Make Current</source>
        <translation>Als a&amp;ktuell festlegen</translation>
    </message>
    <message>
        <source>Make the selected revision current</source>
        <translation>Die ausgewählte Revision als aktuell festlegen</translation>
    </message>
    <message>
        <source>The selected revision becomes the one the gateway serves by default; path, protocols, display name and description stay as the current revision has them, since API Management shares them between revisions.</source>
        <translation>Die ausgewählte Revision wird diejenige, die das Gateway standardmäßig bereitstellt; Pfad, Protokolle, Anzeigename und Beschreibung bleiben wie in der aktuellen Revision, da API Management sie zwischen Revisionen teilt.</translation>
    </message>
    <message>
        <source>Operations</source>
        <translation>Operationen</translation>
    </message>
    <message>
        <source>&lt;h3&gt;No operation selected&lt;/h3&gt;&lt;p&gt;Select an operation on the left, or add one with &lt;b&gt;Add Operation&lt;/b&gt; (%1).&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Keine Operation ausgewählt&lt;/h3&gt;&lt;p&gt;Links eine Operation auswählen oder eine mit &lt;b&gt;Operation hinzufügen&lt;/b&gt; (%1) hinzufügen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Operation sections</source>
        <translation>Operationsabschnitte</translation>
    </message>
    <message>
        <source>HTTP method</source>
        <translation>HTTP-Methode</translation>
    </message>
    <message>
        <source>Change Method</source>
        <translation>Methode ändern</translation>
    </message>
    <message>
        <source>URL template</source>
        <translation>URL-Vorlage</translation>
    </message>
    <message>
        <source>/orders/{orderId}</source>
        <translation>/orders/{orderId}</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>e.g. Get an order</source>
        <translation>z. B. Bestellung abrufen</translation>
    </message>
    <message>
        <source>Change Operation Display Name</source>
        <translation>Anzeigename der Operation ändern</translation>
    </message>
    <message>
        <source>Operation name</source>
        <translation>Operationsname</translation>
    </message>
    <message>
        <source>The operationId, also the folder of the operation&apos;s policy</source>
        <translation>Die operationId, zugleich der Ordner der Richtlinie der Operation</translation>
    </message>
    <message>
        <source>The name cannot be empty.</source>
        <translation>Der Name darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Use letters, digits, &quot;-&quot;, &quot;_&quot; and &quot;.&quot;, starting with a letter or digit.</source>
        <translation>Buchstaben, Ziffern, „-“, „_“ und „.“ verwenden, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>Another operation is called &quot;%1&quot;.</source>
        <translation>Eine andere Operation heißt bereits „%1“.</translation>
    </message>
    <message>
        <source>Rename Operation</source>
        <translation>Operation umbenennen</translation>
    </message>
    <message>
        <source>What the operation does</source>
        <translation>Was die Operation tut</translation>
    </message>
    <message>
        <source>Change Operation Description</source>
        <translation>Beschreibung der Operation ändern</translation>
    </message>
    <message>
        <source>Edit the operation&apos;s policy</source>
        <translation>Die Richtlinie der Operation bearbeiten</translation>
    </message>
    <message>
        <source>Opens the policy of this operation alone</source>
        <translation>Öffnet die Richtlinie nur dieser Operation</translation>
    </message>
    <message>
        <source>Definition</source>
        <translation>Definition</translation>
    </message>
    <message>
        <source>Add query parameter</source>
        <translation>Abfrageparameter hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Query Parameter</source>
        <translation>Abfrage&amp;parameter hinzufügen</translation>
    </message>
    <message>
        <source>Add header</source>
        <translation>Header hinzufügen</translation>
    </message>
    <message>
        <source>Add &amp;Header</source>
        <translation>&amp;Header hinzufügen</translation>
    </message>
    <message>
        <source>Remove parameter</source>
        <translation>Parameter entfernen</translation>
    </message>
    <message>
        <source>&amp;Remove</source>
        <translation>Ent&amp;fernen</translation>
    </message>
    <message>
        <source>Template parameters follow the {names} in the URL template.</source>
        <translation>Vorlagenparameter folgen den {names} in der URL-Vorlage.</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Change Parameters</source>
        <translation>Parameter ändern</translation>
    </message>
    <message>
        <source>Request representations</source>
        <translation>Darstellungen der Anfrage</translation>
    </message>
    <message>
        <source>Response representations</source>
        <translation>Darstellungen der Antwort</translation>
    </message>
    <message>
        <source>Add representation</source>
        <translation>Darstellung hinzufügen</translation>
    </message>
    <message>
        <source>Add Rep&amp;resentation</source>
        <translation>Da&amp;rstellung hinzufügen</translation>
    </message>
    <message>
        <source>Another content type for the same body, e.g. XML beside JSON</source>
        <translation>Ein weiterer Inhaltstyp für denselben Body, z. B. XML neben JSON</translation>
    </message>
    <message>
        <source>Remove representation</source>
        <translation>Darstellung entfernen</translation>
    </message>
    <message>
        <source>Remove the representation shown</source>
        <translation>Die angezeigte Darstellung entfernen</translation>
    </message>
    <message>
        <source>Representations:</source>
        <translation>Darstellungen:</translation>
    </message>
    <message>
        <source>Content type</source>
        <translation>Inhaltstyp</translation>
    </message>
    <message>
        <source>none</source>
        <translation>keiner</translation>
    </message>
    <message>
        <source>Another representation already has the content type &quot;%1&quot;.</source>
        <translation>Eine andere Darstellung hat bereits den Inhaltstyp „%1“.</translation>
    </message>
    <message>
        <source>Schema (JSON)</source>
        <translation>Schema (JSON)</translation>
    </message>
    <message>
        <source>JSON Schema, e.g. {&quot;type&quot;: &quot;object&quot;}</source>
        <translation>JSON-Schema, z. B. {&quot;type&quot;: &quot;object&quot;}</translation>
    </message>
    <message>
        <source>Example</source>
        <translation>Beispiel</translation>
    </message>
    <message>
        <source>An example body</source>
        <translation>Ein Beispiel-Body</translation>
    </message>
    <message>
        <source>Content &amp;type:</source>
        <translation>Inhalts&amp;typ:</translation>
    </message>
    <message>
        <source>Sc&amp;hema:</source>
        <translation>Sche&amp;ma:</translation>
    </message>
    <message>
        <source>E&amp;xample:</source>
        <translation>Beisp&amp;iel:</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>Anfrage</translation>
    </message>
    <message>
        <source>Responses</source>
        <translation>Antworten</translation>
    </message>
    <message>
        <source>Res&amp;ponse:</source>
        <translation>Ant&amp;wort:</translation>
    </message>
    <message>
        <source>Add response</source>
        <translation>Antwort hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Add Response</source>
        <translation>Antwort hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Remove response</source>
        <translation>Antwort entfernen</translation>
    </message>
    <message>
        <source>Remo&amp;ve</source>
        <translation>Entfern&amp;en</translation>
    </message>
    <message>
        <source>Status code</source>
        <translation>Statuscode</translation>
    </message>
    <message>
        <source>200, 4XX or default</source>
        <translation>200, 4XX oder default</translation>
    </message>
    <message>
        <source>&amp;Status code:</source>
        <translation>&amp;Statuscode:</translation>
    </message>
    <message>
        <source>Response description</source>
        <translation>Beschreibung der Antwort</translation>
    </message>
    <message>
        <source>&amp;Description:</source>
        <translation>Bes&amp;chreibung:</translation>
    </message>
    <message>
        <source>Specification file</source>
        <translation>Spezifikationsdatei</translation>
    </message>
    <message>
        <source>OpenAPI specification</source>
        <translation>OpenAPI-Spezifikation</translation>
    </message>
    <message>
        <source>Change Request</source>
        <translation>Anfrage ändern</translation>
    </message>
    <message>
        <source>Change Response</source>
        <translation>Antwort ändern</translation>
    </message>
    <message>
        <source>Schema: %1</source>
        <translation>Schema: %1</translation>
    </message>
    <message>
        <source>Example: %1</source>
        <translation>Beispiel: %1</translation>
    </message>
    <message>
        <source>Add Representation</source>
        <translation>Darstellung hinzufügen</translation>
    </message>
    <message>
        <source>Remove Representation</source>
        <translation>Darstellung entfernen</translation>
    </message>
    <message>
        <source>%1 (removed)</source>
        <translation>%1 (entfernt)</translation>
    </message>
    <message>
        <source>Name: %1</source>
        <translation>Name: %1</translation>
    </message>
    <message>
        <source>Path: /%1</source>
        <translation>Pfad: /%1</translation>
    </message>
    <message>
        <source>Version: %1</source>
        <translation>Version: %1</translation>
    </message>
    <message>
        <source>Revision %1%2</source>
        <translation>Revision %1%2</translation>
    </message>
    <message>
        <source> (current)</source>
        <translation> (aktuell)</translation>
    </message>
    <message numerus="yes">
        <source>%n operation(s)</source>
        <translation>
            <numerusform>%n Operation</numerusform>
            <numerusform>%n Operationen</numerusform>
        </translation>
    </message>
    <message>
        <source>The specification of this API is %1: its operations are not edited here.</source>
        <translation>Die Spezifikation dieser API ist %1: Ihre Operationen werden hier nicht bearbeitet.</translation>
    </message>
    <message>
        <source>&lt;b&gt;specification.%1&lt;/b&gt; — not OpenAPI: kept as it was read.</source>
        <translation>&lt;b&gt;specification.%1&lt;/b&gt; — kein OpenAPI: wird so beibehalten, wie sie gelesen wurde.</translation>
    </message>
    <message>
        <source>This API has no specification file yet; the first operation creates specification.yaml.</source>
        <translation>Diese API hat noch keine Spezifikationsdatei; die erste Operation legt specification.yaml an.</translation>
    </message>
    <message>
        <source>&lt;b&gt;specification.%1&lt;/b&gt; — OpenAPI %2, read-only: it follows every edit in the designer and is saved with the workspace.</source>
        <translation>&lt;b&gt;specification.%1&lt;/b&gt; — OpenAPI %2, schreibgeschützt: Sie folgt jeder Änderung im Designer und wird mit dem Arbeitsbereich gespeichert.</translation>
    </message>
    <message>
        <source> (revision %1)</source>
        <translation> (Revision %1)</translation>
    </message>
    <message>
        <source>&lt;i&gt;Revision %1 shares its display name, URL suffix, protocols, description, subscription setting and version with the current revision; change them in the current revision.&lt;/i&gt;</source>
        <translation>&lt;i&gt;Revision %1 teilt Anzeigename, URL-Suffix, Protokolle, Beschreibung, Abonnementeinstellung und Version mit der aktuellen Revision; ändern Sie sie in der aktuellen Revision.&lt;/i&gt;</translation>
    </message>
    <message>
        <source>Choose at least one protocol.</source>
        <translation>Mindestens ein Protokoll wählen.</translation>
    </message>
    <message>
        <source>Not a valid URL: write an absolute http:// or https:// address.</source>
        <translation>Keine gültige URL: Eine absolute http://- oder https://-Adresse eingeben.</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(keiner)</translation>
    </message>
    <message>
        <source>%1 (missing)</source>
        <translation>%1 (fehlt)</translation>
    </message>
    <message>
        <source>Revision %1</source>
        <translation>Revision %1</translation>
    </message>
    <message>
        <source> — current</source>
        <translation> — aktuell</translation>
    </message>
    <message>
        <source>The revision this designer edits</source>
        <translation>Die Revision, die dieser Designer bearbeitet</translation>
    </message>
    <message>
        <source>The API &quot;%1&quot; already uses this path%2. Choose another path, or put both APIs in one version set with different versions.</source>
        <translation>Die API „%1“ verwendet diesen Pfad bereits%2. Einen anderen Pfad wählen oder beide APIs mit unterschiedlichen Versionen in einen Versionssatz aufnehmen.</translation>
    </message>
    <message>
        <source> with version %1</source>
        <translation> mit Version %1</translation>
    </message>
    <message>
        <source>(no content type)</source>
        <translation>(kein Inhaltstyp)</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Change URL Template</source>
        <translation>URL-Vorlage ändern</translation>
    </message>
    <message>
        <source>New operation</source>
        <translation>Neue Operation</translation>
    </message>
    <message>
        <source>Add Operation</source>
        <translation>Operation hinzufügen</translation>
    </message>
    <message>
        <source>%1 (copy)</source>
        <translation>%1 (Kopie)</translation>
    </message>
    <message>
        <source>Duplicate Operation</source>
        <translation>Operation duplizieren</translation>
    </message>
    <message>
        <source>Delete Operation %1</source>
        <translation>Operation %1 löschen</translation>
    </message>
    <message>
        <source>Move Operation Up</source>
        <translation>Operation nach oben verschieben</translation>
    </message>
    <message>
        <source>Move Operation Down</source>
        <translation>Operation nach unten verschieben</translation>
    </message>
    <message>
        <source>Add Response</source>
        <translation>Antwort hinzufügen</translation>
    </message>
    <message>
        <source>Remove Response</source>
        <translation>Antwort entfernen</translation>
    </message>
    <message>
        <source>Test in Console</source>
        <translation>In der Konsole testen</translation>
    </message>
    <message>
        <source>Test the operation in the console</source>
        <translation>Die Operation in der Konsole testen</translation>
    </message>
    <message>
        <source>Opens the test console with this operation chosen</source>
        <translation>Öffnet die Testkonsole mit dieser Operation ausgewählt</translation>
    </message>
</context>
<context>
    <name>gh::apis::ImportDialog</name>
    <message>
        <source>Import OpenAPI</source>
        <translation>OpenAPI importieren</translation>
    </message>
    <message>
        <source>File or URL</source>
        <translation>Datei oder URL</translation>
    </message>
    <message>
        <source>A file, or a URL: https://example.com/openapi.yaml, file:///…</source>
        <translation>Eine Datei oder eine URL: https://example.com/openapi.yaml, file:///…</translation>
    </message>
    <message>
        <source>&amp;Browse…</source>
        <translation>&amp;Durchsuchen…</translation>
    </message>
    <message>
        <source>&amp;Load</source>
        <translation>&amp;Laden</translation>
    </message>
    <message>
        <source>&amp;Source:</source>
        <translation>&amp;Quelle:</translation>
    </message>
    <message>
        <source>Choose an OpenAPI 2.0, 3.0 or 3.1 description (JSON or YAML) and load it.</source>
        <translation>Eine OpenAPI-2.0-, -3.0- oder -3.1-Beschreibung (JSON oder YAML) wählen und laden.</translation>
    </message>
    <message>
        <source>Operations to import</source>
        <translation>Zu importierende Operationen</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>URL template</source>
        <translation>URL-Vorlage</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>Effect</source>
        <translation>Auswirkung</translation>
    </message>
    <message>
        <source>Import into</source>
        <translation>Importieren in</translation>
    </message>
    <message>
        <source>A &amp;new API named</source>
        <translation>Eine &amp;neue API namens</translation>
    </message>
    <message>
        <source>New API display name</source>
        <translation>Anzeigename der neuen API</translation>
    </message>
    <message>
        <source>&amp;Replace the operations of</source>
        <translation>Die Operationen e&amp;rsetzen von</translation>
    </message>
    <message>
        <source>&amp;Merge into</source>
        <translation>&amp;Zusammenführen in</translation>
    </message>
    <message>
        <source>Existing API</source>
        <translation>Vorhandene API</translation>
    </message>
    <message>
        <source>&amp;Import</source>
        <translation>&amp;Importieren</translation>
    </message>
    <message>
        <source>OpenAPI (*.yaml *.yml *.json);;All files (*)</source>
        <translation>OpenAPI (*.yaml *.yml *.json);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Write a file path or a URL first.</source>
        <translation>Zuerst einen Dateipfad oder eine URL eingeben.</translation>
    </message>
    <message>
        <source>Loading %1…</source>
        <translation>%1 wird geladen…</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>%1 kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>The document has errors and cannot be imported:</source>
        <translation>Das Dokument enthält Fehler und kann nicht importiert werden:</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%1&lt;/b&gt; %2 — OpenAPI %3: %n operation(s).</source>
        <translation>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; %2 — OpenAPI %3: %n Operation.</numerusform>
            <numerusform>&lt;b&gt;%1&lt;/b&gt; %2 — OpenAPI %3: %n Operationen.</numerusform>
        </translation>
    </message>
    <message>
        <source>new</source>
        <translation>neu</translation>
    </message>
    <message>
        <source>replaces the existing one</source>
        <translation>ersetzt die vorhandene</translation>
    </message>
    <message numerus="yes">
        <source>The API&apos;s %n operation(s) and its specification are replaced by the imported document.</source>
        <translation>
            <numerusform>Die %n Operation der API und ihre Spezifikation werden durch das importierte Dokument ersetzt.</numerusform>
            <numerusform>Die %n Operationen der API und ihre Spezifikation werden durch das importierte Dokument ersetzt.</numerusform>
        </translation>
    </message>
    <message>
        <source>Operations with the same name are replaced, the others are added; the API keeps the rest.</source>
        <translation>Operationen mit gleichem Namen werden ersetzt, die übrigen hinzugefügt; die API behält den Rest.</translation>
    </message>
    <message>
        <source>A new API, with the imported document as its specification.</source>
        <translation>Eine neue API mit dem importierten Dokument als Spezifikation.</translation>
    </message>
</context>
<context>
    <name>gh::apis::OperationsModel</name>
    <message>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
</context>
<context>
    <name>gh::apis::ParametersModel</name>
    <message>
        <source>template</source>
        <translation>Vorlage</translation>
    </message>
    <message>
        <source>query</source>
        <translation>Abfrage</translation>
    </message>
    <message>
        <source>header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Template parameters are always required</source>
        <translation>Vorlagenparameter sind immer erforderlich</translation>
    </message>
    <message>
        <source>In</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Required</source>
        <translation>Erforderlich</translation>
    </message>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
</context>
<context>
    <name>gh::console::BodyText</name>
    <message>
        <source>Not JSON: %1 at character %2.</source>
        <translation>Kein JSON: %1 bei Zeichen %2.</translation>
    </message>
    <message>
        <source>Not XML: %1 at line %2, column %3.</source>
        <translation>Kein XML: %1 in Zeile %2, Spalte %3.</translation>
    </message>
    <message>
        <source>Not XML: there is no element.</source>
        <translation>Kein XML: Es gibt kein Element.</translation>
    </message>
</context>
<context>
    <name>gh::console::CallHistory</name>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>Cannot open the call history %1: %2</source>
        <translation>Der Aufrufverlauf %1 kann nicht geöffnet werden: %2</translation>
    </message>
    <message>
        <source>Cannot prepare the call history: %1</source>
        <translation>Der Aufrufverlauf kann nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>Cannot save the call: %1</source>
        <translation>Der Aufruf kann nicht gespeichert werden: %1</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>fehlgeschlagen</translation>
    </message>
    <message>
        <source>%1  %2 %3
%4 · %5</source>
        <translation>%1  %2 %3
%4 · %5</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>%1 %2, %3</source>
        <translation>%1 %2, %3</translation>
    </message>
</context>
<context>
    <name>gh::console::CollectionsPane</name>
    <message>
        <source>Save the request</source>
        <translation>Die Anfrage speichern</translation>
    </message>
    <message>
        <source>Collection</source>
        <translation>Sammlung</translation>
    </message>
    <message>
        <source>Request name</source>
        <translation>Name der Anfrage</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Do not save the request</source>
        <translation>Die Anfrage nicht speichern</translation>
    </message>
    <message>
        <source>Co&amp;llection:</source>
        <translation>Samm&amp;lung:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Name:</translation>
    </message>
    <message>
        <source>Saved requests</source>
        <translation>Gespeicherte Anfragen</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>Öffnen</translation>
    </message>
    <message>
        <source>Open the saved request in the builder</source>
        <translation>Die gespeicherte Anfrage im Editor öffnen</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Rename the saved request or collection</source>
        <translation>Die gespeicherte Anfrage oder Sammlung umbenennen</translation>
    </message>
    <message>
        <source>Rename (F2)</source>
        <translation>Umbenennen (F2)</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the saved request or collection</source>
        <translation>Die gespeicherte Anfrage oder Sammlung löschen</translation>
    </message>
    <message>
        <source>Delete (Del); a collection goes with its requests</source>
        <translation>Löschen (Entf); eine Sammlung wird mit ihren Anfragen gelöscht</translation>
    </message>
    <message>
        <source>My Requests</source>
        <translation>Meine Anfragen</translation>
    </message>
    <message>
        <source>Name the request and its collection.</source>
        <translation>Die Anfrage und ihre Sammlung benennen.</translation>
    </message>
    <message>
        <source>Saved as &quot;%1&quot; in %2.</source>
        <translation>Als „%1“ in %2 gespeichert.</translation>
    </message>
    <message>
        <source>No saved requests yet: &quot;Save to Collection…&quot; keeps the request in the builder under a name.</source>
        <translation>Noch keine gespeicherten Anfragen: „In Sammlung speichern…“ bewahrt die Anfrage aus dem Editor unter einem Namen auf.</translation>
    </message>
</context>
<context>
    <name>gh::console::ConsoleView</name>
    <message>
        <source>Test console</source>
        <translation>Testkonsole</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Verlauf</translation>
    </message>
    <message>
        <source>Collections</source>
        <translation>Sammlungen</translation>
    </message>
    <message>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <source>Variables that {{name}} in a request stands for</source>
        <translation>Variablen, für die {{name}} in einer Anfrage steht</translation>
    </message>
    <message>
        <source>Send</source>
        <translation>Senden</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Abbrechen</translation>
    </message>
    <message>
        <source>Method</source>
        <translation>Methode</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>https://example.com/path</source>
        <translation>https://example.com/path</translation>
    </message>
    <message>
        <source>&amp;Send</source>
        <translation>&amp;Senden</translation>
    </message>
    <message>
        <source>Send the request (%1)</source>
        <translation>Die Anfrage senden (%1)</translation>
    </message>
    <message>
        <source>Cancel the request</source>
        <translation>Die Anfrage abbrechen</translation>
    </message>
    <message>
        <source>Stop waiting for the response (Esc)</source>
        <translation>Nicht länger auf die Antwort warten (Esc)</translation>
    </message>
    <message>
        <source>Save to Collection…</source>
        <translation>In Sammlung speichern…</translation>
    </message>
    <message>
        <source>Save the request to a collection</source>
        <translation>Die Anfrage in einer Sammlung speichern</translation>
    </message>
    <message>
        <source>Keep this request under a name, to open it again later; the subscription is kept by name, never its key</source>
        <translation>Diese Anfrage unter einem Namen aufbewahren, um sie später wieder zu öffnen; das Abonnement wird über seinen Namen gespeichert, nie sein Schlüssel</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Subscription key</source>
        <translation>Abonnementschlüssel</translation>
    </message>
    <message>
        <source>Show the subscription key</source>
        <translation>Den Abonnementschlüssel anzeigen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Verbergen</translation>
    </message>
    <message>
        <source>Mask the subscription key</source>
        <translation>Den Abonnementschlüssel maskieren</translation>
    </message>
    <message>
        <source>Environment</source>
        <translation>Umgebung</translation>
    </message>
    <message>
        <source>The variables {{name}} in the request stands for; edit them in the Environments tab</source>
        <translation>Die Variablen, für die {{name}} in der Anfrage steht; im Tab „Umgebungen“ bearbeiten</translation>
    </message>
    <message>
        <source>The URL with its variables replaced</source>
        <translation>Die URL mit ersetzten Variablen</translation>
    </message>
    <message>
        <source>Send the key in</source>
        <translation>Schlüssel senden in</translation>
    </message>
    <message>
        <source>Timeout</source>
        <translation>Zeitlimit</translation>
    </message>
    <message>
        <source> s</source>
        <translation> s</translation>
    </message>
    <message>
        <source>&amp;Operation:</source>
        <translation>&amp;Operation:</translation>
    </message>
    <message>
        <source>sent &amp;in</source>
        <translation>gesendet &amp;in</translation>
    </message>
    <message>
        <source>Ti&amp;meout:</source>
        <translation>&amp;Zeitlimit:</translation>
    </message>
    <message>
        <source>&amp;API:</source>
        <translation>&amp;API:</translation>
    </message>
    <message>
        <source>S&amp;ubscription:</source>
        <translation>Abonne&amp;ment:</translation>
    </message>
    <message>
        <source>Environment:</source>
        <translation>Umgebung:</translation>
    </message>
    <message>
        <source>Template parameters</source>
        <translation>Vorlagenparameter</translation>
    </message>
    <message>
        <source>Query parameters</source>
        <translation>Abfrageparameter</translation>
    </message>
    <message>
        <source>Request headers</source>
        <translation>Header der Anfrage</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>&amp;Query parameters:</source>
        <translation>Ab&amp;frageparameter:</translation>
    </message>
    <message>
        <source>&amp;Parameters</source>
        <translation>&amp;Parameter</translation>
    </message>
    <message>
        <source>Hea&amp;ders</source>
        <translation>&amp;Header</translation>
    </message>
    <message>
        <source>Bod&amp;y</source>
        <translation>Bod&amp;y</translation>
    </message>
    <message>
        <source>&lt;p&gt;No response yet.&lt;/p&gt;&lt;p&gt;Pick an operation, then &lt;b&gt;Send&lt;/b&gt; (%1). Calls to the embedded gateway come back with the trace of every policy step.&lt;/p&gt;</source>
        <translation>&lt;p&gt;Noch keine Antwort.&lt;/p&gt;&lt;p&gt;Eine Operation wählen, dann &lt;b&gt;Senden&lt;/b&gt; (%1). Aufrufe an das eingebaute Gateway kommen mit dem Trace jedes Richtlinienschritts zurück.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Measured from the moment the request was handed to Qt; DNS and connect times are not reported separately by Qt&apos;s network stack</source>
        <translation>Gemessen ab dem Moment, in dem die Anfrage an Qt übergeben wurde; DNS- und Verbindungszeiten meldet der Netzwerkstack von Qt nicht getrennt</translation>
    </message>
    <message>
        <source>Trust This Certificate for This Session</source>
        <translation>Diesem Zertifikat für diese Sitzung vertrauen</translation>
    </message>
    <message>
        <source>Trust this certificate for this session and send again</source>
        <translation>Diesem Zertifikat für diese Sitzung vertrauen und erneut senden</translation>
    </message>
    <message>
        <source>Accepts this certificate (by its SHA-256 fingerprint) until Gatehouse quits, then sends the request again; nothing is saved</source>
        <translation>Akzeptiert dieses Zertifikat (anhand seines SHA-256-Fingerabdrucks), bis Gatehouse beendet wird, und sendet die Anfrage dann erneut; nichts wird gespeichert</translation>
    </message>
    <message>
        <source>Response body</source>
        <translation>Body der Antwort</translation>
    </message>
    <message>
        <source>Ra&amp;w</source>
        <translation>&amp;Roh</translation>
    </message>
    <message>
        <source>Show the body as received</source>
        <translation>Den Body wie empfangen anzeigen</translation>
    </message>
    <message>
        <source>Find in the body</source>
        <translation>Im Body suchen</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Find in the body (%1)</source>
        <translation>Im Body suchen (%1)</translation>
    </message>
    <message>
        <source>Response headers</source>
        <translation>Header der Antwort</translation>
    </message>
    <message>
        <source>Policy trace</source>
        <translation>Richtlinien-Trace</translation>
    </message>
    <message>
        <source>Policy trace of the previous run</source>
        <translation>Richtlinien-Trace des vorherigen Laufs</translation>
    </message>
    <message>
        <source>&amp;Compare with the previous run</source>
        <translation>Mit dem vorherigen Lauf &amp;vergleichen</translation>
    </message>
    <message>
        <source>Compare the trace with the previous run of the same request</source>
        <translation>Den Trace mit dem vorherigen Lauf derselben Anfrage vergleichen</translation>
    </message>
    <message>
        <source>Re&amp;veal Secrets</source>
        <translation>Geheimnisse &amp;einblenden</translation>
    </message>
    <message>
        <source>Show the values of secret named values in the trace</source>
        <translation>Die Werte geheimer benannter Werte im Trace anzeigen</translation>
    </message>
    <message>
        <source>No trace for this call. Calls sent to the embedded gateway are traced: pick an API of the workspace, or a URL on the gateway&apos;s address.</source>
        <translation>Kein Trace für diesen Aufruf. Aufrufe an das eingebaute Gateway werden aufgezeichnet: Eine API des Arbeitsbereichs wählen oder eine URL unter der Adresse des Gateways.</translation>
    </message>
    <message>
        <source>Response &amp;Body</source>
        <translation>Antwort-&amp;Body</translation>
    </message>
    <message>
        <source>Respo&amp;nse Headers</source>
        <translation>Antwort-Hea&amp;der</translation>
    </message>
    <message>
        <source>&amp;Trace</source>
        <translation>&amp;Trace</translation>
    </message>
    <message>
        <source>Search the history</source>
        <translation>Den Verlauf durchsuchen</translation>
    </message>
    <message>
        <source>Search by URL, method or status</source>
        <translation>Nach URL, Methode oder Status suchen</translation>
    </message>
    <message>
        <source>Call history</source>
        <translation>Aufrufverlauf</translation>
    </message>
    <message>
        <source>Re-&amp;run</source>
        <translation>&amp;Wiederholen</translation>
    </message>
    <message>
        <source>Send the selected call again</source>
        <translation>Den ausgewählten Aufruf erneut senden</translation>
    </message>
    <message>
        <source>Copy as cur&amp;l</source>
        <translation>Als cur&amp;l kopieren</translation>
    </message>
    <message>
        <source>Copy the request as a curl command</source>
        <translation>Die Anfrage als curl-Befehl kopieren</translation>
    </message>
    <message>
        <source>Copies the request in the builder as a curl command line; the subscription key and secret variables are masked</source>
        <translation>Kopiert die Anfrage aus dem Editor als curl-Befehlszeile; der Abonnementschlüssel und geheime Variablen werden maskiert</translation>
    </message>
    <message>
        <source>Copy as curl (with &amp;Secrets)</source>
        <translation>Als curl kopieren (mit &amp;Geheimnissen)</translation>
    </message>
    <message>
        <source>Copies the command with the real subscription key and secret values</source>
        <translation>Kopiert den Befehl mit dem echten Abonnementschlüssel und den geheimen Werten</translation>
    </message>
    <message>
        <source>Open a workspace to keep a history of calls.</source>
        <translation>Einen Arbeitsbereich öffnen, um einen Aufrufverlauf zu führen.</translation>
    </message>
    <message>
        <source>Calls you send are listed here, newest first.</source>
        <translation>Gesendete Aufrufe werden hier aufgelistet, neueste zuerst.</translation>
    </message>
    <message>
        <source>Any URL (type it above)</source>
        <translation>Beliebige URL (oben eingeben)</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>(the API&apos;s root path)</source>
        <translation>(der Stammpfad der API)</translation>
    </message>
    <message>
        <source>Built from the API, the operation and the parameters below; pick &quot;Any URL&quot; to type one</source>
        <translation>Aus der API, der Operation und den Parametern unten gebildet; „Beliebige URL“ wählen, um eine einzugeben</translation>
    </message>
    <message>
        <source>The operation describes no request body.</source>
        <translation>Die Operation beschreibt keinen Body für die Anfrage.</translation>
    </message>
    <message>
        <source>Template parameter %1</source>
        <translation>Vorlagenparameter %1</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>%1:</source>
        <translation>%1:</translation>
    </message>
    <message>
        <source>No key</source>
        <translation>Kein Schlüssel</translation>
    </message>
    <message>
        <source>header %1</source>
        <translation>Header %1</translation>
    </message>
    <message>
        <source>query parameter %1</source>
        <translation>Abfrageparameter %1</translation>
    </message>
    <message>
        <source>This subscription has no primary key in the workspace or in your secret store: set one in its editor.</source>
        <translation>Dieses Abonnement hat keinen Primärschlüssel im Arbeitsbereich oder in Ihrem Geheimnisspeicher: Legen Sie einen in seinem Editor fest.</translation>
    </message>
    <message>
        <source>Cannot read the file %1 of the body: %2</source>
        <translation>Die Datei %1 des Bodys kann nicht gelesen werden: %2</translation>
    </message>
    <message>
        <source>Sends to: %1</source>
        <translation>Sendet an: %1</translation>
    </message>
    <message>
        <source>Unknown variables (not in the environment): %1</source>
        <translation>Unbekannte Variablen (nicht in der Umgebung): %1</translation>
    </message>
    <message>
        <source>The operation&apos;s request has no example.</source>
        <translation>Die Anfrage der Operation hat kein Beispiel.</translation>
    </message>
    <message>
        <source>The embedded gateway is not running: start it from the Gateway menu.</source>
        <translation>Das eingebaute Gateway läuft nicht: Starten Sie es über das Menü „Gateway“.</translation>
    </message>
    <message>
        <source>Type a URL to send the request to, or pick an API.</source>
        <translation>Eine URL eingeben, an die die Anfrage gesendet wird, oder eine API wählen.</translation>
    </message>
    <message>
        <source>Sending…</source>
        <translation>Wird gesendet…</translation>
    </message>
    <message>
        <source>Cancelled after %1 ms.</source>
        <translation>Nach %1 ms abgebrochen.</translation>
    </message>
    <message>
        <source>No response within %1 s (the timeout).</source>
        <translation>Keine Antwort innerhalb von %1 s (Zeitlimit).</translation>
    </message>
    <message>
        <source>
SHA-256 fingerprint: %1</source>
        <translation>
SHA-256-Fingerabdruck: %1</translation>
    </message>
    <message>
        <source>The TLS connection was refused because the server&apos;s certificate is not trusted:
• %1</source>
        <translation>Die TLS-Verbindung wurde abgelehnt, weil dem Zertifikat des Servers nicht vertraut wird:
• %1</translation>
    </message>
    <message>
        <source>Status: %1</source>
        <translation>Status: %1</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>%1 %2 ms</source>
        <translation>%1 %2 ms</translation>
    </message>
    <message>
        <source>TLS</source>
        <translation>TLS</translation>
    </message>
    <message>
        <source>Headers</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>First byte</source>
        <translation>Erstes Byte</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Gesamt</translation>
    </message>
    <message>
        <source>

[The body is longer than the %1 kept.]</source>
        <translation>

[Der Body ist länger als die aufbewahrten %1.]</translation>
    </message>
    <message>
        <source>This request was not sent before with a trace: send it again after an edit to see what changed.</source>
        <translation>Diese Anfrage wurde zuvor nicht mit Trace gesendet: Senden Sie sie nach einer Änderung erneut, um zu sehen, was sich geändert hat.</translation>
    </message>
    <message>
        <source>Left: this run; right: the run at %1. Same steps.</source>
        <translation>Links: dieser Lauf; rechts: der Lauf um %1. Gleiche Schritte.</translation>
    </message>
    <message>
        <source>Left: this run; right: the run at %1. 1 step differs.</source>
        <translation>Links: dieser Lauf; rechts: der Lauf um %1. 1 Schritt unterscheidet sich.</translation>
    </message>
    <message>
        <source>Left: this run; right: the run at %1. %2 steps differ.</source>
        <translation>Links: dieser Lauf; rechts: der Lauf um %1. %2 Schritte unterscheiden sich.</translation>
    </message>
    <message>
        <source>Copied with the subscription key and secret values: paste it with care.</source>
        <translation>Mit Abonnementschlüssel und geheimen Werten kopiert: Vorsicht beim Einfügen.</translation>
    </message>
    <message>
        <source>Copied; the subscription key and secret values are masked.</source>
        <translation>Kopiert; Abonnementschlüssel und geheime Werte sind maskiert.</translation>
    </message>
    <message>
        <source>Body kind</source>
        <translation>Body-Art</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keiner</translation>
    </message>
    <message>
        <source>Raw (JSON, XML, text)</source>
        <translation>Roh (JSON, XML, Text)</translation>
    </message>
    <message>
        <source>Form (x-www-form-urlencoded)</source>
        <translation>Formular (x-www-form-urlencoded)</translation>
    </message>
    <message>
        <source>Multipart (form-data)</source>
        <translation>Multipart (form-data)</translation>
    </message>
    <message>
        <source>Body &amp;kind:</source>
        <translation>Body-Ar&amp;t:</translation>
    </message>
    <message>
        <source>Request body</source>
        <translation>Body der Anfrage</translation>
    </message>
    <message>
        <source>The request body, sent as it is typed ({{name}} stands for an environment&apos;s variable). &quot;From Example&quot; fills the operation&apos;s example.</source>
        <translation>Der Body der Anfrage, gesendet wie eingegeben ({{name}} steht für eine Variable der Umgebung). „Aus Beispiel übernehmen“ fügt das Beispiel der Operation ein.</translation>
    </message>
    <message>
        <source>Format</source>
        <translation>Formatieren</translation>
    </message>
    <message>
        <source>Format the body (JSON or XML)</source>
        <translation>Den Body formatieren (JSON oder XML)</translation>
    </message>
    <message>
        <source>Indent the JSON or XML body</source>
        <translation>Den JSON- oder XML-Body einrücken</translation>
    </message>
    <message>
        <source>From E&amp;xample</source>
        <translation>Aus Beispiel &amp;übernehmen</translation>
    </message>
    <message>
        <source>Fill the body from the operation&apos;s example</source>
        <translation>Den Body mit dem Beispiel der Operation füllen</translation>
    </message>
    <message>
        <source>The request is sent without a body.</source>
        <translation>Die Anfrage wird ohne Body gesendet.</translation>
    </message>
    <message>
        <source>Form fields</source>
        <translation>Formularfelder</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>Feld</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Sent as application/x-www-form-urlencoded, each field percent-encoded.</source>
        <translation>Gesendet als application/x-www-form-urlencoded, jedes Feld Prozent-kodiert.</translation>
    </message>
    <message>
        <source>Multipart parts</source>
        <translation>Multipart-Teile</translation>
    </message>
    <message>
        <source>Part</source>
        <translation>Teil</translation>
    </message>
    <message>
        <source>Text or file</source>
        <translation>Text oder Datei</translation>
    </message>
    <message>
        <source>Add File…</source>
        <translation>Datei hinzufügen…</translation>
    </message>
    <message>
        <source>Add a file part</source>
        <translation>Einen Dateiteil hinzufügen</translation>
    </message>
    <message>
        <source>Sent as multipart/form-data; type text parts in the table, add files with the button.</source>
        <translation>Gesendet als multipart/form-data; Textteile in die Tabelle eingeben, Dateien mit der Schaltfläche hinzufügen.</translation>
    </message>
    <message>
        <source>Add Files to the Body</source>
        <translation>Dateien zum Body hinzufügen</translation>
    </message>
    <message>
        <source>no key sent</source>
        <translation>kein Schlüssel gesendet</translation>
    </message>
    <message>
        <source>no key</source>
        <translation>kein Schlüssel</translation>
    </message>
    <message>
        <source>No environment</source>
        <translation>Keine Umgebung</translation>
    </message>
    <message>
        <source>Test Console</source>
        <translation>Testkonsole</translation>
    </message>
</context>
<context>
    <name>gh::console::Environments</name>
    <message>
        <source>Open a workspace to keep environments.</source>
        <translation>Einen Arbeitsbereich öffnen, um Umgebungen aufzubewahren.</translation>
    </message>
    <message>
        <source>Cannot prepare the environments: %1</source>
        <translation>Die Umgebungen können nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>Secret variables need a workspace to keep them for.</source>
        <translation>Geheime Variablen brauchen einen Arbeitsbereich, für den sie aufbewahrt werden.</translation>
    </message>
    <message>
        <source>The secret variable %1 cannot be kept in your secret store: %2</source>
        <translation>Die geheime Variable %1 kann nicht in Ihrem Geheimnisspeicher aufbewahrt werden: %2</translation>
    </message>
    <message>
        <source>Local</source>
        <translation>Lokal</translation>
    </message>
    <message>
        <source>Environment %1</source>
        <translation>Umgebung %1</translation>
    </message>
    <message>
        <source>There is an environment named %1 already.</source>
        <translation>Es gibt bereits eine Umgebung namens %1.</translation>
    </message>
</context>
<context>
    <name>gh::console::EnvironmentsPane</name>
    <message>
        <source>Environments</source>
        <translation>Umgebungen</translation>
    </message>
    <message>
        <source>Environments:</source>
        <translation>Umgebungen:</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neu</translation>
    </message>
    <message>
        <source>New environment</source>
        <translation>Neue Umgebung</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Löschen</translation>
    </message>
    <message>
        <source>Delete the environment</source>
        <translation>Die Umgebung löschen</translation>
    </message>
    <message>
        <source>Variables of the environment</source>
        <translation>Variablen der Umgebung</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Entfernen</translation>
    </message>
    <message>
        <source>Variables ({{name}} in a request):</source>
        <translation>Variablen ({{name}} in einer Anfrage):</translation>
    </message>
    <message>
        <source>An environment holds variables ({{baseUrl}}, tokens) that requests use: New makes one.</source>
        <translation>Eine Umgebung enthält Variablen ({{baseUrl}}, Tokens), die Anfragen verwenden: „Neu“ legt eine an.</translation>
    </message>
</context>
<context>
    <name>gh::console::FindBar</name>
    <message>
        <source>Find</source>
        <translation>Suchen</translation>
    </message>
    <message>
        <source>Find:</source>
        <translation>Suchen:</translation>
    </message>
    <message>
        <source>Find previous</source>
        <translation>Vorheriges suchen</translation>
    </message>
    <message>
        <source>Find previous (Shift+Enter, Shift+F3)</source>
        <translation>Vorheriges suchen (Umschalt+Eingabe, Umschalt+F3)</translation>
    </message>
    <message>
        <source>Find next</source>
        <translation>Nächstes suchen</translation>
    </message>
    <message>
        <source>Find next (Enter, F3)</source>
        <translation>Nächstes suchen (Eingabe, F3)</translation>
    </message>
    <message>
        <source>Close the search bar</source>
        <translation>Die Suchleiste schließen</translation>
    </message>
    <message>
        <source>Close (Esc)</source>
        <translation>Schließen (Esc)</translation>
    </message>
    <message>
        <source>Find…</source>
        <translation>Suchen…</translation>
    </message>
    <message>
        <source>Find Next</source>
        <translation>Nächstes suchen</translation>
    </message>
    <message>
        <source>Find Previous</source>
        <translation>Vorheriges suchen</translation>
    </message>
    <message>
        <source>No matches</source>
        <translation>Keine Treffer</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%1 von %2</translation>
    </message>
    <message>
        <source>1 match</source>
        <translation>1 Treffer</translation>
    </message>
    <message>
        <source>%1 matches</source>
        <translation>%1 Treffer</translation>
    </message>
</context>
<context>
    <name>gh::console::KeyValueModel</name>
    <message>
        <source>Name</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>File %1</source>
        <translation>Datei %1</translation>
    </message>
</context>
<context>
    <name>gh::console::RequestCollections</name>
    <message>
        <source>Open a workspace to keep requests.</source>
        <translation>Einen Arbeitsbereich öffnen, um Anfragen aufzubewahren.</translation>
    </message>
    <message>
        <source>Cannot prepare the collections: %1</source>
        <translation>Die Sammlungen können nicht vorbereitet werden: %1</translation>
    </message>
    <message>
        <source>Name the request and its collection.</source>
        <translation>Die Anfrage und ihre Sammlung benennen.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n request(s)</source>
        <translation>
            <numerusform>%1: %n Anfrage</numerusform>
            <numerusform>%1: %n Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 %2</source>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>The collection has a request named %1 already.</source>
        <translation>Die Sammlung enthält bereits eine Anfrage namens %1.</translation>
    </message>
    <message>
        <source>There is a collection named %1 already.</source>
        <translation>Es gibt bereits eine Sammlung namens %1.</translation>
    </message>
</context>
<context>
    <name>gh::console::TraceModel</name>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>On error</source>
        <translation>Bei Fehler</translation>
    </message>
    <message>
        <source>line %1</source>
        <translation>Zeile %1</translation>
    </message>
    <message>
        <source>Starts at %1, takes %2</source>
        <translation>Beginnt bei %1, dauert %2</translation>
    </message>
    <message>
        <source>%1: not in the compared run as it is here</source>
        <translation>%1: im verglichenen Lauf nicht so wie hier</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>Schritt</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>Verstrichen</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>Dauer</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Ergebnis</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>Zeitachse</translation>
    </message>
</context>
<context>
    <name>gh::console::VariablesModel</name>
    <message>
        <source>Add…</source>
        <translation>Hinzufügen…</translation>
    </message>
    <message>
        <source>Use it as {{%1}} in the URL, the parameters, the headers or the body</source>
        <translation>Als {{%1}} in der URL, den Parametern, den Headern oder dem Body verwenden</translation>
    </message>
    <message>
        <source>Masked in the console, in copied curl commands and in the history</source>
        <translation>In der Konsole, in kopierten curl-Befehlen und im Verlauf maskiert</translation>
    </message>
    <message>
        <source>Variable</source>
        <translation>Variable</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>Geheim</translation>
    </message>
</context>
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
    <message>
        <source>Configuration compiles again: now serving the edited workspace</source>
        <translation>Die Konfiguration lässt sich wieder kompilieren: Der bearbeitete Arbeitsbereich wird jetzt bereitgestellt</translation>
    </message>
    <message>
        <source>The edited configuration has errors: serving the last good configuration</source>
        <translation>Die bearbeitete Konfiguration enthält Fehler: Die letzte fehlerfreie Konfiguration wird bereitgestellt</translation>
    </message>
    <message>
        <source>[%1] %2</source>
        <translation>[%1] %2</translation>
    </message>
    <message numerus="yes">
        <source>… and %n more request(s)</source>
        <translation>
            <numerusform>… und %n weitere Anfrage</numerusform>
            <numerusform>… und %n weitere Anfragen</numerusform>
        </translation>
    </message>
    <message>
        <source>Analytics history not written: %1</source>
        <translation>Analyseverlauf nicht geschrieben: %1</translation>
    </message>
</context>
<context>
    <name>gh::entities</name>
    <message>
        <source>New &amp;Product…</source>
        <translation>Neues &amp;Produkt…</translation>
    </message>
    <message>
        <source>New &amp;Subscription…</source>
        <translation>Neues &amp;Abonnement…</translation>
    </message>
    <message>
        <source>New &amp;Named Value…</source>
        <translation>Neuer benannter &amp;Wert…</translation>
    </message>
    <message>
        <source>New &amp;Backend…</source>
        <translation>Neues &amp;Backend…</translation>
    </message>
    <message>
        <source>New &amp;Version Set…</source>
        <translation>Neuer &amp;Versionssatz…</translation>
    </message>
    <message>
        <source>New &amp;Group…</source>
        <translation>Neue &amp;Gruppe…</translation>
    </message>
    <message>
        <source>New &amp;User…</source>
        <translation>Neuer Ben&amp;utzer…</translation>
    </message>
    <message>
        <source>&amp;Delete Product</source>
        <translation>Produkt &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Delete Subscription</source>
        <translation>Abonnement &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Delete Named Value</source>
        <translation>Benannten Wert &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Delete Backend</source>
        <translation>Backend &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Delete Version Set</source>
        <translation>Versionssatz &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Delete Group</source>
        <translation>Gruppe &amp;löschen</translation>
    </message>
    <message>
        <source>&amp;Delete User</source>
        <translation>Benutzer &amp;löschen</translation>
    </message>
    <message>
        <source>New product</source>
        <translation>Neues Produkt</translation>
    </message>
    <message>
        <source>New subscription</source>
        <translation>Neues Abonnement</translation>
    </message>
    <message>
        <source>New named value</source>
        <translation>Neuer benannter Wert</translation>
    </message>
    <message>
        <source>New backend</source>
        <translation>Neues Backend</translation>
    </message>
    <message>
        <source>New version set</source>
        <translation>Neuer Versionssatz</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Neue Gruppe</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Neuer</translation>
    </message>
    <message>
        <source>user</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>New user</source>
        <translation>Neuer Benutzer</translation>
    </message>
    <message>
        <source>Delete product</source>
        <translation>Produkt löschen</translation>
    </message>
    <message>
        <source>Delete subscription</source>
        <translation>Abonnement löschen</translation>
    </message>
    <message>
        <source>Delete named value</source>
        <translation>Benannten Wert löschen</translation>
    </message>
    <message>
        <source>Delete backend</source>
        <translation>Backend löschen</translation>
    </message>
    <message>
        <source>Delete version set</source>
        <translation>Versionssatz löschen</translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Gruppe löschen</translation>
    </message>
    <message>
        <source>Delete user</source>
        <translation>Benutzer löschen</translation>
    </message>
    <message>
        <source>The name cannot be empty.</source>
        <translation>Der Name darf nicht leer sein.</translation>
    </message>
    <message>
        <source>Use at most 80 characters.</source>
        <translation>Höchstens 80 Zeichen.</translation>
    </message>
    <message>
        <source>Use letters, digits, &quot;-&quot;, &quot;_&quot; and &quot;.&quot;, starting with a letter or digit.</source>
        <translation>Buchstaben, Ziffern, „-“, „_“ und „.“ verwenden, beginnend mit einem Buchstaben oder einer Ziffer.</translation>
    </message>
    <message>
        <source>Another one is already called &quot;%1&quot;.</source>
        <translation>Ein anderes Element heißt bereits „%1“.</translation>
    </message>
    <message numerus="yes">
        <source>the scope of %n subscription(s)</source>
        <translation>
            <numerusform>den Geltungsbereich von %n Abonnement</numerusform>
            <numerusform>den Geltungsbereich von %n Abonnements</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the groups of %n product(s)</source>
        <translation>
            <numerusform>die Gruppen von %n Produkt</numerusform>
            <numerusform>die Gruppen von %n Produkten</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the groups of %n user(s)</source>
        <translation>
            <numerusform>die Gruppen von %n Benutzer</numerusform>
            <numerusform>die Gruppen von %n Benutzern</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the members of %n pool(s)</source>
        <translation>
            <numerusform>die Mitglieder von %n Pool</numerusform>
            <numerusform>die Mitglieder von %n Pools</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>the version set of %n API(s)</source>
        <translation>
            <numerusform>den Versionssatz von %n API</numerusform>
            <numerusform>den Versionssatz von %n APIs</numerusform>
        </translation>
    </message>
    <message>
        <source>Rename &quot;%1&quot; to &quot;%2&quot;</source>
        <translation>„%1“ in „%2“ umbenennen</translation>
    </message>
    <message>
        <source>Delete Version Set</source>
        <translation>Versionssatz löschen</translation>
    </message>
    <message numerus="yes">
        <source>The version set &quot;%1&quot; is used by %n API(s): %2.</source>
        <translation>
            <numerusform>Der Versionssatz „%1“ wird von %n API verwendet: %2.</numerusform>
            <numerusform>Der Versionssatz „%1“ wird von %n APIs verwendet: %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Detaching removes their version and their link to the set; they keep their paths, so APIs that shared a path need different ones afterwards. Undo restores everything.</source>
        <translation>Beim Lösen verlieren sie ihre Version und die Verknüpfung zum Satz; ihre Pfade bleiben, daher brauchen APIs mit gemeinsamem Pfad danach verschiedene. Rückgängig stellt alles wieder her.</translation>
    </message>
    <message>
        <source>&amp;Detach and Delete</source>
        <translation>&amp;Lösen und löschen</translation>
    </message>
    <message>
        <source>Re&amp;name…</source>
        <translation>Umbe&amp;nennen…</translation>
    </message>
</context>
<context>
    <name>gh::entities::BackendEditor</name>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Weight</source>
        <translation>Gewichtung</translation>
    </message>
    <message>
        <source>Priority</source>
        <translation>Priorität</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Parameter</source>
        <translation>Parameter</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>Titel</translation>
    </message>
    <message>
        <source>T&amp;itle:</source>
        <translation>&amp;Titel:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Single service</source>
        <translation>Einzelner Dienst</translation>
    </message>
    <message>
        <source>Load-balanced pool</source>
        <translation>Pool mit Lastausgleich</translation>
    </message>
    <message>
        <source>T&amp;ype:</source>
        <translation>T&amp;yp:</translation>
    </message>
    <message>
        <source>Service</source>
        <translation>Dienst</translation>
    </message>
    <message>
        <source>URL</source>
        <translation>URL</translation>
    </message>
    <message>
        <source>https://orders.example.com/api</source>
        <translation>https://orders.example.com/api</translation>
    </message>
    <message>
        <source>&amp;URL:</source>
        <translation>&amp;URL:</translation>
    </message>
    <message>
        <source>Protocol</source>
        <translation>Protokoll</translation>
    </message>
    <message>
        <source>HTTP (REST)</source>
        <translation>HTTP (REST)</translation>
    </message>
    <message>
        <source>SOAP</source>
        <translation>SOAP</translation>
    </message>
    <message>
        <source>&amp;Protocol:</source>
        <translation>&amp;Protokoll:</translation>
    </message>
    <message>
        <source>Validate the certificate &amp;chain</source>
        <translation>Zertifikats&amp;kette validieren</translation>
    </message>
    <message>
        <source>TLS:</source>
        <translation>TLS:</translation>
    </message>
    <message>
        <source>Validate the certificate &amp;name</source>
        <translation>Zertifikatsnamen &amp;validieren</translation>
    </message>
    <message>
        <source>Pool members</source>
        <translation>Pool-Mitglieder</translation>
    </message>
    <message>
        <source>Lower priority numbers are tried first; weights split traffic within a priority. Members are single backends of this workspace.</source>
        <translation>Niedrigere Prioritätswerte werden zuerst versucht; Gewichtungen verteilen den Datenverkehr innerhalb einer Priorität. Mitglieder sind einzelne Backends dieses Arbeitsbereichs.</translation>
    </message>
    <message>
        <source>Add Mem&amp;ber</source>
        <translation>&amp;Mitglied hinzufügen</translation>
    </message>
    <message>
        <source>Remo&amp;ve Member</source>
        <translation>Mitglied &amp;entfernen</translation>
    </message>
    <message>
        <source>Credentials</source>
        <translation>Anmeldeinformationen</translation>
    </message>
    <message>
        <source>Added to every call to this backend. Values may use {{named values}}, so secrets stay out of this file.</source>
        <translation>Wird jedem Aufruf dieses Backends hinzugefügt. Werte dürfen {{benannte Werte}} verwenden, damit Geheimnisse nicht in dieser Datei stehen.</translation>
    </message>
    <message>
        <source>Credential headers</source>
        <translation>Header mit Anmeldeinformationen</translation>
    </message>
    <message>
        <source>Add &amp;Header</source>
        <translation>&amp;Header hinzufügen</translation>
    </message>
    <message>
        <source>Remove Header</source>
        <translation>Header entfernen</translation>
    </message>
    <message>
        <source>Headers:</source>
        <translation>Header:</translation>
    </message>
    <message>
        <source>Credential query parameters</source>
        <translation>Abfrageparameter mit Anmeldeinformationen</translation>
    </message>
    <message>
        <source>Add &amp;Query Parameter</source>
        <translation>&amp;Abfrageparameter hinzufügen</translation>
    </message>
    <message>
        <source>Remove Parameter</source>
        <translation>Parameter entfernen</translation>
    </message>
    <message>
        <source>Query:</source>
        <translation>Abfrage:</translation>
    </message>
    <message>
        <source>Authorization scheme</source>
        <translation>Autorisierungsschema</translation>
    </message>
    <message>
        <source>Basic, Bearer, …</source>
        <translation>Basic, Bearer, …</translation>
    </message>
    <message>
        <source>Authorization parameter</source>
        <translation>Autorisierungsparameter</translation>
    </message>
    <message>
        <source>{{orders-token}}</source>
        <translation>{{orders-token}}</translation>
    </message>
    <message>
        <source>Au&amp;thorization:</source>
        <translation>Autorisierun&amp;g:</translation>
    </message>
    <message>
        <source>Circuit breaker</source>
        <translation>Circuit Breaker</translation>
    </message>
    <message>
        <source>Stops calling the backend for a while when calls fail.</source>
        <translation>Ruft das Backend eine Zeit lang nicht mehr auf, wenn Aufrufe fehlschlagen.</translation>
    </message>
    <message>
        <source>Circuit breaker rules</source>
        <translation>Regeln des Circuit Breakers</translation>
    </message>
    <message>
        <source>A&amp;dd Rule</source>
        <translation>Regel hin&amp;zufügen</translation>
    </message>
    <message>
        <source>Add rule</source>
        <translation>Regel hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Remove Rule</source>
        <translation>Regel entfe&amp;rnen</translation>
    </message>
    <message>
        <source>Remove rule</source>
        <translation>Regel entfernen</translation>
    </message>
    <message>
        <source>Ru&amp;les:</source>
        <translation>Rege&amp;ln:</translation>
    </message>
    <message>
        <source>Rule name</source>
        <translation>Regelname</translation>
    </message>
    <message>
        <source>Rule na&amp;me:</source>
        <translation>Regel&amp;name:</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Failure percentage</source>
        <translation>Fehlerquote in Prozent</translation>
    </message>
    <message>
        <source>failures, or</source>
        <translation>Fehlern oder</translation>
    </message>
    <message>
        <source>of calls</source>
        <translation>der Aufrufe</translation>
    </message>
    <message>
        <source>Trip after:</source>
        <translation>Auslösen nach:</translation>
    </message>
    <message>
        <source>Within</source>
        <translation>Innerhalb</translation>
    </message>
    <message>
        <source>ISO-8601 duration, e.g. PT1M</source>
        <translation>ISO-8601-Dauer, z. B. PT1M</translation>
    </message>
    <message>
        <source>&amp;Within:</source>
        <translation>&amp;Innerhalb:</translation>
    </message>
    <message>
        <source>Failing status codes</source>
        <translation>Fehlerhafte Statuscodes</translation>
    </message>
    <message>
        <source>e.g. 500-599, 429</source>
        <translation>z. B. 500-599, 429</translation>
    </message>
    <message>
        <source>Failing &amp;status codes:</source>
        <translation>Fehlerhafte &amp;Statuscodes:</translation>
    </message>
    <message>
        <source>Error reasons</source>
        <translation>Fehlerursachen</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. BackendConnectionFailure, Timeout</source>
        <translation>Durch Kommas getrennt, z. B. BackendConnectionFailure, Timeout</translation>
    </message>
    <message>
        <source>Err&amp;or reasons:</source>
        <translation>Fehlerursa&amp;chen:</translation>
    </message>
    <message>
        <source>Trip duration</source>
        <translation>Auslösedauer</translation>
    </message>
    <message>
        <source>Stay open &amp;for:</source>
        <translation>&amp;Offen bleiben für:</translation>
    </message>
    <message>
        <source>Honour the backend&apos;s Retry-&amp;After header</source>
        <translation>Retry-After-Header des Backends be&amp;folgen</translation>
    </message>
    <message>
        <source>Edit backend title</source>
        <translation>Backend-Titel bearbeiten</translation>
    </message>
    <message>
        <source>Edit backend description</source>
        <translation>Backend-Beschreibung bearbeiten</translation>
    </message>
    <message>
        <source>Make backend a pool</source>
        <translation>Backend zu einem Pool machen</translation>
    </message>
    <message>
        <source>Make backend a single service</source>
        <translation>Backend zu einem einzelnen Dienst machen</translation>
    </message>
    <message>
        <source>A single backend needs a URL.</source>
        <translation>Ein einzelnes Backend benötigt eine URL.</translation>
    </message>
    <message>
        <source>Not an http:// or https:// URL.</source>
        <translation>Keine http://- oder https://-URL.</translation>
    </message>
    <message>
        <source>Edit backend URL</source>
        <translation>Backend-URL bearbeiten</translation>
    </message>
    <message>
        <source>Change backend protocol</source>
        <translation>Backend-Protokoll ändern</translation>
    </message>
    <message>
        <source>Change certificate chain validation</source>
        <translation>Validierung der Zertifikatskette ändern</translation>
    </message>
    <message>
        <source>Change certificate name validation</source>
        <translation>Validierung des Zertifikatsnamens ändern</translation>
    </message>
    <message>
        <source>Add circuit breaker</source>
        <translation>Circuit Breaker hinzufügen</translation>
    </message>
    <message>
        <source>Remove circuit breaker</source>
        <translation>Circuit Breaker entfernen</translation>
    </message>
    <message>
        <source>Edit circuit breaker name</source>
        <translation>Namen des Circuit Breakers bearbeiten</translation>
    </message>
    <message>
        <source>Edit failure count</source>
        <translation>Fehleranzahl bearbeiten</translation>
    </message>
    <message>
        <source>Edit failure percentage</source>
        <translation>Fehlerquote bearbeiten</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not an ISO-8601 duration (PT30S, PT1M, PT1H).</source>
        <translation>„%1“ ist keine ISO-8601-Dauer (PT30S, PT1M, PT1H).</translation>
    </message>
    <message>
        <source>Edit failure interval</source>
        <translation>Fehlerintervall bearbeiten</translation>
    </message>
    <message>
        <source>Edit trip duration</source>
        <translation>Auslösedauer bearbeiten</translation>
    </message>
    <message>
        <source>Status codes are 200–599, as single codes or ranges: 500-599, 429.</source>
        <translation>Statuscodes liegen zwischen 200 und 599, als einzelne Codes oder Bereiche: 500-599, 429.</translation>
    </message>
    <message>
        <source>Edit failing status codes</source>
        <translation>Fehlerhafte Statuscodes bearbeiten</translation>
    </message>
    <message>
        <source>Edit error reasons</source>
        <translation>Fehlerursachen bearbeiten</translation>
    </message>
    <message>
        <source>Change Retry-After</source>
        <translation>Retry-After ändern</translation>
    </message>
    <message>
        <source>Add circuit breaker rule</source>
        <translation>Circuit-Breaker-Regel hinzufügen</translation>
    </message>
    <message>
        <source>Remove circuit breaker rule</source>
        <translation>Circuit-Breaker-Regel entfernen</translation>
    </message>
    <message>
        <source>Edit backend credentials</source>
        <translation>Backend-Anmeldeinformationen bearbeiten</translation>
    </message>
    <message>
        <source>Weights are 0–100.</source>
        <translation>Gewichtungen liegen zwischen 0 und 100.</translation>
    </message>
    <message>
        <source>Priorities are 0–100.</source>
        <translation>Prioritäten liegen zwischen 0 und 100.</translation>
    </message>
    <message>
        <source>Choose a backend for every member.</source>
        <translation>Für jedes Mitglied ein Backend wählen.</translation>
    </message>
    <message>
        <source>There is no backend called %1.</source>
        <translation>Es gibt kein Backend namens %1.</translation>
    </message>
    <message>
        <source>Edit pool members</source>
        <translation>Pool-Mitglieder bearbeiten</translation>
    </message>
    <message>
        <source>Backend · %1 · backends/%1/backendInformation.json</source>
        <translation>Backend · %1 · backends/%1/backendInformation.json</translation>
    </message>
    <message>
        <source>Rule %1 (no name)</source>
        <translation>Regel %1 (ohne Namen)</translation>
    </message>
</context>
<context>
    <name>gh::entities::EntityEditor</name>
    <message>
        <source>This item is no longer in the workspace. Undo (Ctrl+Z) brings it back.</source>
        <translation>Dieses Element ist nicht mehr im Arbeitsbereich. Rückgängig (Strg+Z) stellt es wieder her.</translation>
    </message>
</context>
<context>
    <name>gh::entities::GroupEditor</name>
    <message>
        <source>Group</source>
        <translation>Gruppe</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Type</source>
        <translation>Typ</translation>
    </message>
    <message>
        <source>Custom</source>
        <translation>Benutzerdefiniert</translation>
    </message>
    <message>
        <source>External (Microsoft Entra ID)</source>
        <translation>Extern (Microsoft Entra ID)</translation>
    </message>
    <message>
        <source>System</source>
        <translation>System</translation>
    </message>
    <message>
        <source>&amp;Type:</source>
        <translation>&amp;Typ:</translation>
    </message>
    <message>
        <source>External id</source>
        <translation>Externe ID</translation>
    </message>
    <message>
        <source>E&amp;xternal id:</source>
        <translation>E&amp;xterne ID:</translation>
    </message>
    <message>
        <source>Sees products:</source>
        <translation>Sieht Produkte:</translation>
    </message>
    <message>
        <source>A group needs a display name.</source>
        <translation>Eine Gruppe benötigt einen Anzeigenamen.</translation>
    </message>
    <message>
        <source>Edit group display name</source>
        <translation>Anzeigenamen der Gruppe bearbeiten</translation>
    </message>
    <message>
        <source>Edit group description</source>
        <translation>Beschreibung der Gruppe bearbeiten</translation>
    </message>
    <message>
        <source>Change group type</source>
        <translation>Typ der Gruppe ändern</translation>
    </message>
    <message>
        <source>Edit group external id</source>
        <translation>Externe ID der Gruppe bearbeiten</translation>
    </message>
    <message>
        <source>Group · %1 · groups/%1/groupInformation.json</source>
        <translation>Gruppe · %1 · groups/%1/groupInformation.json</translation>
    </message>
    <message>
        <source>An external group needs the directory group&apos;s id.</source>
        <translation>Eine externe Gruppe benötigt die ID der Verzeichnisgruppe.</translation>
    </message>
    <message>
        <source>None yet: tick this group in a product&apos;s Groups list.</source>
        <translation>Noch keine: Diese Gruppe in der Gruppenliste eines Produkts ankreuzen.</translation>
    </message>
</context>
<context>
    <name>gh::entities::LocalSecrets</name>
    <message>
        <source>There is no home folder to keep the secret store in.</source>
        <translation>Es gibt keinen Benutzerordner, in dem der Geheimnisspeicher liegen kann.</translation>
    </message>
    <message>
        <source>The secret store cannot be opened: %1</source>
        <translation>Der Geheimnisspeicher kann nicht geöffnet werden: %1</translation>
    </message>
    <message>
        <source>The secret store refused the change: %1</source>
        <translation>Der Geheimnisspeicher hat die Änderung abgelehnt: %1</translation>
    </message>
</context>
<context>
    <name>gh::entities::NamedValueEditor</name>
    <message>
        <source>A named value needs a display name: policies refer to it as {{name}}.</source>
        <translation>Ein benannter Wert benötigt einen Anzeigenamen: Richtlinien verweisen mit {{name}} darauf.</translation>
    </message>
    <message>
        <source>At most 256 characters.</source>
        <translation>Höchstens 256 Zeichen.</translation>
    </message>
    <message>
        <source>Only letters, digits, &apos;-&apos;, &apos;.&apos; and &apos;_&apos; are allowed.</source>
        <translation>Nur Buchstaben, Ziffern, &apos;-&apos;, &apos;.&apos; und &apos;_&apos; sind erlaubt.</translation>
    </message>
    <message>
        <source>Named value</source>
        <translation>Benannter Wert</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>&amp;Secret: keep the value on this computer only, masked</source>
        <translation>&amp;Geheim: den Wert nur auf diesem Computer aufbewahren, maskiert</translation>
    </message>
    <message>
        <source>Key Vault secret identifier</source>
        <translation>Bezeichner des Key-Vault-Geheimnisses</translation>
    </message>
    <message>
        <source>&amp;Key Vault secret:</source>
        <translation>&amp;Key-Vault-Geheimnis:</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Wert</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the secret value</source>
        <translation>Den geheimen Wert anzeigen</translation>
    </message>
    <message>
        <source>&amp;Value:</source>
        <translation>&amp;Wert:</translation>
    </message>
    <message>
        <source>Tags</source>
        <translation>Tags</translation>
    </message>
    <message>
        <source>Comma-separated, e.g. routing, partners</source>
        <translation>Durch Kommas getrennt, z. B. routing, partners</translation>
    </message>
    <message>
        <source>&amp;Tags:</source>
        <translation>&amp;Tags:</translation>
    </message>
    <message>
        <source>Another named value (%1) already has this display name.</source>
        <translation>Ein anderer benannter Wert (%1) hat bereits diesen Anzeigenamen.</translation>
    </message>
    <message>
        <source>Edit named value display name</source>
        <translation>Anzeigenamen des benannten Werts bearbeiten</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Edit named value tags</source>
        <translation>Tags des benannten Werts bearbeiten</translation>
    </message>
    <message>
        <source>Edit named value</source>
        <translation>Benannten Wert bearbeiten</translation>
    </message>
    <message>
        <source>Edit secret value</source>
        <translation>Geheimen Wert bearbeiten</translation>
    </message>
    <message>
        <source>Make named value secret</source>
        <translation>Benannten Wert geheim machen</translation>
    </message>
    <message>
        <source>Make named value plain</source>
        <translation>Benannten Wert als Klartext speichern</translation>
    </message>
    <message>
        <source>Named value · %1 · named values/%1/namedValueInformation.json</source>
        <translation>Benannter Wert · %1 · named values/%1/namedValueInformation.json</translation>
    </message>
    <message>
        <source>Policies use it as %1</source>
        <translation>Richtlinien verwenden ihn als %1</translation>
    </message>
    <message>
        <source>No local value yet: type one for runs on this computer</source>
        <translation>Noch kein lokaler Wert: einen für Ausführungen auf diesem Computer eingeben</translation>
    </message>
    <message>
        <source>Kept in your secret store on this computer, where the local gateway reads it; never written to the workspace folder. Supply the value for APIM through configuration.&lt;env&gt;.yaml or Key Vault.</source>
        <translation>Wird in Ihrem Geheimnisspeicher auf diesem Computer aufbewahrt, wo das lokale Gateway ihn liest; nie in den Arbeitsbereichsordner geschrieben. Den Wert für APIM über configuration.&lt;env&gt;.yaml oder Key Vault bereitstellen.</translation>
    </message>
    <message>
        <source>APIM reads this value from Azure Key Vault, which the console cannot reach. The value above is for runs on this computer only and stays in your secret store.</source>
        <translation>APIM liest diesen Wert aus Azure Key Vault, den die Konsole nicht erreichen kann. Der obige Wert gilt nur für Ausführungen auf diesem Computer und bleibt in Ihrem Geheimnisspeicher.</translation>
    </message>
    <message>
        <source>The text {{%1}} stands for; may be a policy expression</source>
        <translation>Der Text, für den {{%1}} steht; darf ein Richtlinienausdruck sein</translation>
    </message>
    <message>
        <source>Written to the workspace folder in plain text.</source>
        <translation>Wird im Klartext in den Arbeitsbereichsordner geschrieben.</translation>
    </message>
</context>
<context>
    <name>gh::entities::ProductEditor</name>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>What the product offers; HTML is allowed</source>
        <translation>Was das Produkt anbietet; HTML ist erlaubt</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Published</source>
        <translation>Veröffentlicht</translation>
    </message>
    <message>
        <source>Not published</source>
        <translation>Nicht veröffentlicht</translation>
    </message>
    <message>
        <source>S&amp;tate:</source>
        <translation>S&amp;tatus:</translation>
    </message>
    <message>
        <source>Subscriptions</source>
        <translation>Abonnements</translation>
    </message>
    <message>
        <source>Callers need a subscription &amp;key</source>
        <translation>Aufrufer benötigen einen Abonnement&amp;schlüssel</translation>
    </message>
    <message>
        <source>Off: an open product, its APIs answer without a key</source>
        <translation>Aus: ein offenes Produkt, seine APIs antworten ohne Schlüssel</translation>
    </message>
    <message>
        <source>New subscriptions wait for an administrator&apos;s a&amp;pproval</source>
        <translation>Neue Abonnements &amp;warten auf die Genehmigung eines Administrators</translation>
    </message>
    <message>
        <source>Subscriptions per user</source>
        <translation>Abonnements pro Benutzer</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source>How many subscriptions one user may hold; the lowest value means unlimited</source>
        <translation>Wie viele Abonnements ein Benutzer haben darf; der niedrigste Wert bedeutet unbegrenzt</translation>
    </message>
    <message>
        <source>Subscriptions per &amp;user:</source>
        <translation>Abonnements pro Ben&amp;utzer:</translation>
    </message>
    <message>
        <source>APIs and visibility</source>
        <translation>APIs und Sichtbarkeit</translation>
    </message>
    <message>
        <source>APIs in the product</source>
        <translation>APIs im Produkt</translation>
    </message>
    <message>
        <source>&amp;APIs:</source>
        <translation>AP&amp;Is:</translation>
    </message>
    <message>
        <source>The workspace has no APIs yet. Create or import one, then tick it here.</source>
        <translation>Der Arbeitsbereich hat noch keine APIs. Eine erstellen oder importieren und dann hier ankreuzen.</translation>
    </message>
    <message>
        <source>Groups that see the product</source>
        <translation>Gruppen, die das Produkt sehen</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>&amp;Gruppen:</translation>
    </message>
    <message>
        <source>Terms of use</source>
        <translation>Nutzungsbedingungen</translation>
    </message>
    <message>
        <source>Shown to developers when they subscribe</source>
        <translation>Wird Entwicklern beim Abonnieren angezeigt</translation>
    </message>
    <message>
        <source>Te&amp;rms:</source>
        <translation>&amp;Nutzungsbedingungen:</translation>
    </message>
    <message>
        <source>A product needs a display name.</source>
        <translation>Ein Produkt benötigt einen Anzeigenamen.</translation>
    </message>
    <message>
        <source>Edit product display name</source>
        <translation>Anzeigenamen des Produkts bearbeiten</translation>
    </message>
    <message>
        <source>Edit product description</source>
        <translation>Beschreibung des Produkts bearbeiten</translation>
    </message>
    <message>
        <source>Edit product terms</source>
        <translation>Nutzungsbedingungen des Produkts bearbeiten</translation>
    </message>
    <message>
        <source>Change product state</source>
        <translation>Status des Produkts ändern</translation>
    </message>
    <message>
        <source>Require subscription</source>
        <translation>Abonnement verlangen</translation>
    </message>
    <message>
        <source>Open product</source>
        <translation>Offenes Produkt</translation>
    </message>
    <message>
        <source>Change approval</source>
        <translation>Genehmigung ändern</translation>
    </message>
    <message>
        <source>Change subscriptions limit</source>
        <translation>Abonnementlimit ändern</translation>
    </message>
    <message>
        <source>Product · %1 · products/%1/productInformation.json</source>
        <translation>Produkt · %1 · products/%1/productInformation.json</translation>
    </message>
    <message>
        <source>%1 (not in the workspace)</source>
        <translation>%1 (nicht im Arbeitsbereich)</translation>
    </message>
    <message>
        <source> (built in)</source>
        <translation> (integriert)</translation>
    </message>
    <message>
        <source>Add API to product</source>
        <translation>API zum Produkt hinzufügen</translation>
    </message>
    <message>
        <source>Remove API from product</source>
        <translation>API aus dem Produkt entfernen</translation>
    </message>
    <message>
        <source>Add group to product</source>
        <translation>Gruppe zum Produkt hinzufügen</translation>
    </message>
    <message>
        <source>Remove group from product</source>
        <translation>Gruppe aus dem Produkt entfernen</translation>
    </message>
    <message>
        <source>Edit Po&amp;licy…</source>
        <translation>Richt&amp;linie bearbeiten…</translation>
    </message>
    <message>
        <source>Edit the product&apos;s policy</source>
        <translation>Die Richtlinie des Produkts bearbeiten</translation>
    </message>
    <message>
        <source>Policy:</source>
        <translation>Richtlinie:</translation>
    </message>
</context>
<context>
    <name>gh::entities::RenameDialog</name>
    <message>
        <source>Rename %1</source>
        <translation>%1 umbenennen</translation>
    </message>
    <message>
        <source>New name</source>
        <translation>Neuer Name</translation>
    </message>
    <message>
        <source>&amp;New name:</source>
        <translation>&amp;Neuer Name:</translation>
    </message>
    <message>
        <source>The folder is renamed when the workspace is saved.</source>
        <translation>Der Ordner wird beim Speichern des Arbeitsbereichs umbenannt.</translation>
    </message>
    <message>
        <source>Also updates %1.</source>
        <translation>Aktualisiert auch %1.</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>&amp;Rename</source>
        <translation>&amp;Umbenennen</translation>
    </message>
</context>
<context>
    <name>gh::entities::SubscriptionEditor</name>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Suspended</source>
        <translation>Angehalten</translation>
    </message>
    <message>
        <source>Submitted (waiting for approval)</source>
        <translation>Eingereicht (wartet auf Genehmigung)</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Abgelehnt</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Gekündigt</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Abgelaufen</translation>
    </message>
    <message>
        <source>Subscription</source>
        <translation>Abonnement</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Scope</source>
        <translation>Bereich</translation>
    </message>
    <message>
        <source>What the subscription&apos;s keys open: a product&apos;s APIs, one API, or every API</source>
        <translation>Was die Schlüssel des Abonnements freigeben: die APIs eines Produkts, eine API oder alle APIs</translation>
    </message>
    <message>
        <source>&amp;Scope:</source>
        <translation>&amp;Bereich:</translation>
    </message>
    <message>
        <source>Allow &amp;tracing of calls made with these keys</source>
        <translation>&amp;Tracing von Aufrufen mit diesen Schlüsseln erlauben</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Besitzer:</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>&amp;Activate</source>
        <translation>Akti&amp;vieren</translation>
    </message>
    <message>
        <source>S&amp;uspend</source>
        <translation>An&amp;halten</translation>
    </message>
    <message>
        <source>&amp;Cancel Subscription</source>
        <translation>Abonnement &amp;kündigen</translation>
    </message>
    <message>
        <source>A cancelled subscription&apos;s keys stop working; Activate brings it back</source>
        <translation>Die Schlüssel eines gekündigten Abonnements funktionieren nicht mehr; Aktivieren stellt es wieder her</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>Status:</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>Schlüssel</translation>
    </message>
    <message>
        <source>&amp;Primary key:</source>
        <translation>&amp;Primärschlüssel:</translation>
    </message>
    <message>
        <source>S&amp;econdary key:</source>
        <translation>&amp;Sekundärschlüssel:</translation>
    </message>
    <message>
        <source>Edit subscription display name</source>
        <translation>Anzeigenamen des Abonnements bearbeiten</translation>
    </message>
    <message>
        <source>Change subscription scope</source>
        <translation>Bereich des Abonnements ändern</translation>
    </message>
    <message>
        <source>Change tracing</source>
        <translation>Tracing ändern</translation>
    </message>
    <message>
        <source>Activate subscription</source>
        <translation>Abonnement aktivieren</translation>
    </message>
    <message>
        <source>Suspend subscription</source>
        <translation>Abonnement anhalten</translation>
    </message>
    <message>
        <source>Cancel subscription</source>
        <translation>Abonnement kündigen</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>Anzeigen</translation>
    </message>
    <message>
        <source>Show the key</source>
        <translation>Den Schlüssel anzeigen</translation>
    </message>
    <message>
        <source>Copy</source>
        <translation>Kopieren</translation>
    </message>
    <message>
        <source>Copy the key</source>
        <translation>Den Schlüssel kopieren</translation>
    </message>
    <message>
        <source>Regenerate</source>
        <translation>Neu generieren</translation>
    </message>
    <message>
        <source>Regenerate the key</source>
        <translation>Den Schlüssel neu generieren</translation>
    </message>
    <message>
        <source>Hide</source>
        <translation>Ausblenden</translation>
    </message>
    <message>
        <source>Regenerate primary key</source>
        <translation>Primärschlüssel neu generieren</translation>
    </message>
    <message>
        <source>Regenerate secondary key</source>
        <translation>Sekundärschlüssel neu generieren</translation>
    </message>
    <message>
        <source>Subscription · %1 · subscriptions/%1/subscriptionInformation.json</source>
        <translation>Abonnement · %1 · subscriptions/%1/subscriptionInformation.json</translation>
    </message>
    <message>
        <source>All APIs</source>
        <translation>Alle APIs</translation>
    </message>
    <message>
        <source>Product: %1</source>
        <translation>Produkt: %1</translation>
    </message>
    <message>
        <source>API: %1</source>
        <translation>API: %1</translation>
    </message>
    <message>
        <source>(no scope)</source>
        <translation>(kein Bereich)</translation>
    </message>
    <message>
        <source>%1 (not in the workspace)</source>
        <translation>%1 (nicht im Arbeitsbereich)</translation>
    </message>
    <message>
        <source>None (an administrator&apos;s subscription)</source>
        <translation>Keiner (Abonnement eines Administrators)</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>Nicht gesetzt</translation>
    </message>
    <message>
        <source>These keys are written in the subscription&apos;s file, so they stay there; the publisher sets them in APIM.</source>
        <translation>Diese Schlüssel stehen in der Datei des Abonnements und bleiben daher dort; der APIOps-Publisher setzt sie in APIM.</translation>
    </message>
    <message>
        <source>Keys are kept on this computer only (in your secret store) and are never written to the workspace folder. APIM makes its own keys when it publishes.</source>
        <translation>Schlüssel werden nur auf diesem Computer aufbewahrt (in Ihrem Geheimnisspeicher) und nie in den Arbeitsbereichsordner geschrieben. APIM erzeugt beim Veröffentlichen eigene Schlüssel.</translation>
    </message>
    <message>
        <source>No local key yet: Regenerate makes one</source>
        <translation>Noch kein lokaler Schlüssel: „Neu generieren“ erzeugt einen</translation>
    </message>
</context>
<context>
    <name>gh::entities::UserDirectory</name>
    <message>
        <source>%1 is not a user file: %2</source>
        <translation>%1 ist keine Benutzerdatei: %2</translation>
    </message>
    <message>
        <source>%1 could not be removed</source>
        <translation>%1 konnte nicht entfernt werden</translation>
    </message>
</context>
<context>
    <name>gh::entities::UserEditor</name>
    <message>
        <source>User</source>
        <translation>Benutzer</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Vorname</translation>
    </message>
    <message>
        <source>&amp;First name:</source>
        <translation>&amp;Vorname:</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Nachname</translation>
    </message>
    <message>
        <source>&amp;Last name:</source>
        <translation>&amp;Nachname:</translation>
    </message>
    <message>
        <source>Email</source>
        <translation>E-Mail</translation>
    </message>
    <message>
        <source>name@example.com</source>
        <translation>name@example.com</translation>
    </message>
    <message>
        <source>&amp;Email:</source>
        <translation>&amp;E-Mail:</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Aktiv</translation>
    </message>
    <message>
        <source>Blocked</source>
        <translation>Gesperrt</translation>
    </message>
    <message>
        <source>Pending (invited)</source>
        <translation>Ausstehend (eingeladen)</translation>
    </message>
    <message>
        <source>Deleted</source>
        <translation>Gelöscht</translation>
    </message>
    <message>
        <source>&amp;State:</source>
        <translation>&amp;Status:</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Hinweis</translation>
    </message>
    <message>
        <source>For administrators only</source>
        <translation>Nur für Administratoren</translation>
    </message>
    <message>
        <source>&amp;Note:</source>
        <translation>&amp;Hinweis:</translation>
    </message>
    <message>
        <source>Groups and subscriptions</source>
        <translation>Gruppen und Abonnements</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>&amp;Groups:</source>
        <translation>&amp;Gruppen:</translation>
    </message>
    <message>
        <source>Subscriptions:</source>
        <translation>Abonnements:</translation>
    </message>
    <message>
        <source>Edit user first name</source>
        <translation>Vornamen des Benutzers bearbeiten</translation>
    </message>
    <message>
        <source>Edit user last name</source>
        <translation>Nachnamen des Benutzers bearbeiten</translation>
    </message>
    <message>
        <source>Edit user email</source>
        <translation>E-Mail-Adresse des Benutzers bearbeiten</translation>
    </message>
    <message>
        <source>APIM needs an email address for a user.</source>
        <translation>APIM benötigt für einen Benutzer eine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>This is not an email address.</source>
        <translation>Dies ist keine E-Mail-Adresse.</translation>
    </message>
    <message>
        <source>Change user state</source>
        <translation>Status des Benutzers ändern</translation>
    </message>
    <message>
        <source>Edit user note</source>
        <translation>Hinweis zum Benutzer bearbeiten</translation>
    </message>
    <message>
        <source>Add user to group</source>
        <translation>Benutzer zur Gruppe hinzufügen</translation>
    </message>
    <message>
        <source>Remove user from group</source>
        <translation>Benutzer aus der Gruppe entfernen</translation>
    </message>
    <message>
        <source>User · %1 · %2</source>
        <translation>Benutzer · %1 · %2</translation>
    </message>
    <message>
        <source> (built in)</source>
        <translation> (integriert)</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
</context>
<context>
    <name>gh::entities::VersionSetEditor</name>
    <message>
        <source>Version set</source>
        <translation>Versionssatz</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>Anzeigename</translation>
    </message>
    <message>
        <source>&amp;Display name:</source>
        <translation>&amp;Anzeigename:</translation>
    </message>
    <message>
        <source>Description</source>
        <translation>Beschreibung</translation>
    </message>
    <message>
        <source>D&amp;escription:</source>
        <translation>&amp;Beschreibung:</translation>
    </message>
    <message>
        <source>Versioning</source>
        <translation>Versionierung</translation>
    </message>
    <message>
        <source>How a caller chooses a version of the APIs in this set.</source>
        <translation>Wie ein Aufrufer eine Version der APIs in diesem Satz wählt.</translation>
    </message>
    <message>
        <source>Versioning scheme</source>
        <translation>Versionierungsschema</translation>
    </message>
    <message>
        <source>Path segment</source>
        <translation>Pfadsegment</translation>
    </message>
    <message>
        <source>Header</source>
        <translation>Header</translation>
    </message>
    <message>
        <source>Query parameter</source>
        <translation>Abfrageparameter</translation>
    </message>
    <message>
        <source>&amp;Scheme:</source>
        <translation>&amp;Schema:</translation>
    </message>
    <message>
        <source>Header name</source>
        <translation>Headername</translation>
    </message>
    <message>
        <source>&amp;Header name:</source>
        <translation>&amp;Headername:</translation>
    </message>
    <message>
        <source>Query parameter name</source>
        <translation>Name des Abfrageparameters</translation>
    </message>
    <message>
        <source>&amp;Query parameter:</source>
        <translation>Abfrage&amp;parameter:</translation>
    </message>
    <message>
        <source>Example:</source>
        <translation>Beispiel:</translation>
    </message>
    <message>
        <source>APIs in this set</source>
        <translation>APIs in diesem Satz</translation>
    </message>
    <message>
        <source>No API belongs to this set yet. Choose this set in an API&apos;s settings to add a version.</source>
        <translation>Noch keine API gehört zu diesem Satz. Diesen Satz in den Einstellungen einer API wählen, um eine Version hinzuzufügen.</translation>
    </message>
    <message>
        <source>A version set needs a display name.</source>
        <translation>Ein Versionssatz benötigt einen Anzeigenamen.</translation>
    </message>
    <message>
        <source>Edit version set display name</source>
        <translation>Anzeigenamen des Versionssatzes bearbeiten</translation>
    </message>
    <message>
        <source>Edit version set description</source>
        <translation>Beschreibung des Versionssatzes bearbeiten</translation>
    </message>
    <message>
        <source>Change versioning scheme</source>
        <translation>Versionierungsschema ändern</translation>
    </message>
    <message>
        <source>Edit version header name</source>
        <translation>Namen des Versions-Headers bearbeiten</translation>
    </message>
    <message>
        <source>Edit version query parameter</source>
        <translation>Versions-Abfrageparameter bearbeiten</translation>
    </message>
    <message>
        <source>Version set · %1 · version sets/%1/versionSetInformation.json</source>
        <translation>Versionssatz · %1 · version sets/%1/versionSetInformation.json</translation>
    </message>
    <message>
        <source>The Header scheme needs a header name.</source>
        <translation>Das Schema „Header“ benötigt einen Headernamen.</translation>
    </message>
    <message>
        <source>The Query scheme needs a query parameter name.</source>
        <translation>Das Schema „Abfrageparameter“ benötigt einen Abfrageparameternamen.</translation>
    </message>
    <message>
        <source>%1 — version %2</source>
        <translation>%1 — Version %2</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Original</translation>
    </message>
</context>
<context>
    <name>gh::policies</name>
    <message>
        <source>Global</source>
        <translation>Global</translation>
    </message>
    <message>
        <source>Product</source>
        <translation>Produkt</translation>
    </message>
    <message>
        <source>API</source>
        <translation>API</translation>
    </message>
    <message>
        <source>Operation</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>%1 does not parse; it is left out.</source>
        <translation>%1 ist nicht lesbar und wird ausgelassen.</translation>
    </message>
    <message numerus="yes">
        <source>%n condition(s), otherwise</source>
        <translation>
            <numerusform>%n Bedingung, sonst</numerusform>
            <numerusform>%n Bedingungen, sonst</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n condition(s)</source>
        <translation>
            <numerusform>%n Bedingung</numerusform>
            <numerusform>%n Bedingungen</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n item(s)</source>
        <translation>
            <numerusform>%1: %n Element</numerusform>
            <numerusform>%1: %n Elemente</numerusform>
        </translation>
    </message>
    <message>
        <source>Rate limit by key</source>
        <translation>Ratenbegrenzung nach Schlüssel</translation>
    </message>
    <message>
        <source>At most 10 calls a minute per subscription (or per client address without one).</source>
        <translation>Höchstens 10 Aufrufe pro Minute je Abonnement (oder je Clientadresse, wenn keines vorhanden ist).</translation>
    </message>
    <message>
        <source>JWT validation</source>
        <translation>JWT-Validierung</translation>
    </message>
    <message>
        <source>Rejects requests without a valid bearer token from your identity provider.</source>
        <translation>Lehnt Anfragen ohne gültiges Bearer-Token Ihres Identitätsanbieters ab.</translation>
    </message>
    <message>
        <source>CORS</source>
        <translation>CORS</translation>
    </message>
    <message>
        <source>Lets browser applications from one origin call the API.</source>
        <translation>Erlaubt Browseranwendungen eines Ursprungs, die API aufzurufen.</translation>
    </message>
    <message>
        <source>Mock response</source>
        <translation>Simulierte Antwort</translation>
    </message>
    <message>
        <source>Answers from the operation&apos;s response example without calling the backend.</source>
        <translation>Antwortet mit dem Antwortbeispiel der Operation, ohne das Backend aufzurufen.</translation>
    </message>
    <message>
        <source>Response cache</source>
        <translation>Antwortcache</translation>
    </message>
    <message>
        <source>Serves repeated GET requests from the cache for an hour (cache-lookup inbound, cache-store outbound).</source>
        <translation>Beantwortet wiederholte GET-Anfragen eine Stunde lang aus dem Cache (cache-lookup eingehend, cache-store ausgehend).</translation>
    </message>
    <message>
        <source>Send request with token caching</source>
        <translation>Anfrage mit Token-Caching senden</translation>
    </message>
    <message>
        <source>Fetches an access token once, keeps it in the cache until it expires and sends it to the backend.</source>
        <translation>Holt einmalig ein Zugriffstoken, hält es bis zum Ablauf im Cache und sendet es an das Backend.</translation>
    </message>
    <message>
        <source>Set a header</source>
        <translation>Einen Header setzen</translation>
    </message>
    <message>
        <source>Adds or replaces a request or response header.</source>
        <translation>Fügt einen Header der Anfrage oder Antwort hinzu oder ersetzt ihn.</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>Bedingung</translation>
    </message>
    <message>
        <source>Runs policies only when a condition holds.</source>
        <translation>Führt Richtlinien nur aus, wenn eine Bedingung erfüllt ist.</translation>
    </message>
</context>
<context>
    <name>gh::policies::EffectivePolicyView</name>
    <message>
        <source>Effective policy of %1</source>
        <translation>Effektive Richtlinie von %1</translation>
    </message>
    <message>
        <source>&amp;Product context:</source>
        <translation>&amp;Produktkontext:</translation>
    </message>
    <message>
        <source>Product context</source>
        <translation>Produktkontext</translation>
    </message>
    <message>
        <source>The product the call is made through: its policy runs between the global and the API policy.</source>
        <translation>Das Produkt, über das der Aufruf erfolgt: Seine Richtlinie läuft zwischen der globalen und der API-Richtlinie.</translation>
    </message>
    <message>
        <source>Scope colours</source>
        <translation>Farben der Bereiche</translation>
    </message>
    <message>
        <source>Effective policy</source>
        <translation>Effektive Richtlinie</translation>
    </message>
    <message>
        <source>The merged policy, read-only. Enter or a click on an element opens it where it is written.</source>
        <translation>Die zusammengeführte Richtlinie, schreibgeschützt. Eingabe oder ein Klick auf ein Element öffnet es dort, wo es steht.</translation>
    </message>
    <message>
        <source>Click an element to open it in the file it comes from.</source>
        <translation>Auf ein Element klicken, um es in seiner Herkunftsdatei zu öffnen.</translation>
    </message>
    <message>
        <source>No product</source>
        <translation>Kein Produkt</translation>
    </message>
</context>
<context>
    <name>gh::policies::PolicyEditor</name>
    <message>
        <source>Policy editor: %1</source>
        <translation>Richtlinieneditor: %1</translation>
    </message>
    <message>
        <source>Insert &amp;Snippet</source>
        <translation>&amp;Snippet einfügen</translation>
    </message>
    <message>
        <source>Insert snippet</source>
        <translation>Snippet einfügen</translation>
    </message>
    <message>
        <source>&amp;Create Policy</source>
        <translation>Richtlinie &amp;erstellen</translation>
    </message>
    <message>
        <source>Create policy</source>
        <translation>Richtlinie erstellen</translation>
    </message>
    <message>
        <source>Problems of this policy</source>
        <translation>Probleme dieser Richtlinie</translation>
    </message>
    <message>
        <source>Help for the selected item</source>
        <translation>Hilfe zum ausgewählten Element</translation>
    </message>
    <message>
        <source>Policy text</source>
        <translation>Richtlinientext</translation>
    </message>
    <message>
        <source>Complete</source>
        <translation>Vervollständigen</translation>
    </message>
    <message>
        <source>Toggle &amp;Comment</source>
        <translation>&amp;Kommentar umschalten</translation>
    </message>
    <message>
        <source>&amp;Format Document</source>
        <translation>Dokument &amp;formatieren</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1 has no policy yet.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A policy adds steps to the requests it handles. A new one starts with &lt;code&gt;&amp;lt;base /&amp;gt;&lt;/code&gt; in each section, so it does what the enclosing scope does until you add to it.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1 hat noch keine Richtlinie.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Eine Richtlinie fügt den Anfragen, die sie verarbeitet, Schritte hinzu. Eine neue beginnt in jedem Abschnitt mit &lt;code&gt;&amp;lt;base /&amp;gt;&lt;/code&gt; und tut damit, was der umgebende Bereich tut, bis Sie etwas hinzufügen.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;%1 no longer exists.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;It was removed or renamed; close this tab.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;%1 existiert nicht mehr.&lt;/b&gt;&lt;/p&gt;&lt;p&gt;Es wurde entfernt oder umbenannt; schließen Sie diesen Tab.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Edit %1</source>
        <translation>%1 bearbeiten</translation>
    </message>
    <message>
        <source>No problems</source>
        <translation>Keine Probleme</translation>
    </message>
    <message>
        <source>%1 — line %2: %3</source>
        <translation>%1 — Zeile %2: %3</translation>
    </message>
    <message>
        <source>, </source>
        <translation>, </translation>
    </message>
    <message>
        <source>Error</source>
        <translation>Fehler</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>Warnung</translation>
    </message>
    <message>
        <source>Create Policy for %1</source>
        <translation>Richtlinie für %1 erstellen</translation>
    </message>
    <message>
        <source>The document is already formatted.</source>
        <translation>Das Dokument ist bereits formatiert.</translation>
    </message>
    <message>
        <source>Format %1</source>
        <translation>%1 formatieren</translation>
    </message>
    <message>
        <source>Uncomment</source>
        <translation>Kommentar aufheben</translation>
    </message>
    <message>
        <source>Comment Out</source>
        <translation>Auskommentieren</translation>
    </message>
    <message>
        <source>Insert Snippet “%1”</source>
        <translation>Snippet „%1“ einfügen</translation>
    </message>
    <message>
        <source>Show Help at Cursor</source>
        <translation>Hilfe an der Cursorposition anzeigen</translation>
    </message>
    <message>
        <source>1 error</source>
        <translation>1 Fehler</translation>
    </message>
    <message>
        <source>%1 errors</source>
        <translation>%1 Fehler</translation>
    </message>
    <message>
        <source>1 warning</source>
        <translation>1 Warnung</translation>
    </message>
    <message>
        <source>%1 warnings</source>
        <translation>%1 Warnungen</translation>
    </message>
</context>
<context>
    <name>gh::policies::PolicyFlowForm</name>
    <message>
        <source>Select a card to edit its settings, or add a policy from the palette.</source>
        <translation>Eine Karte auswählen, um ihre Einstellungen zu bearbeiten, oder eine Richtlinie aus der Palette hinzufügen.</translation>
    </message>
    <message>
        <source>&amp;Open in text</source>
        <translation>Im Text ö&amp;ffnen</translation>
    </message>
    <message>
        <source>Open the policy in the text editor</source>
        <translation>Die Richtlinie im Texteditor öffnen</translation>
    </message>
    <message>
        <source>&amp;Delete policy</source>
        <translation>Richtlinie &amp;löschen</translation>
    </message>
    <message>
        <source>Delete the policy</source>
        <translation>Die Richtlinie löschen</translation>
    </message>
    <message>
        <source>&amp;Delete &lt;base /&gt;</source>
        <translation>&lt;base /&gt; &amp;löschen</translation>
    </message>
    <message>
        <source>The policies of the broader scopes run here: %1. Without &lt;base /&gt;, they do not run for this section.</source>
        <translation>Hier laufen die Richtlinien der übergeordneten Bereiche: %1. Ohne &lt;base /&gt; laufen sie für diesen Abschnitt nicht.</translation>
    </message>
    <message>
        <source>This gateway does not know this policy; edit it in the text.</source>
        <translation>Dieses Gateway kennt diese Richtlinie nicht; bearbeiten Sie sie im Text.</translation>
    </message>
    <message>
        <source>Not run here: needs %1.</source>
        <translation>Wird hier nicht ausgeführt: benötigt %1.</translation>
    </message>
    <message>
        <source>required</source>
        <translation>erforderlich</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>nicht gesetzt</translation>
    </message>
    <message>
        <source>default: %1</source>
        <translation>Standard: %1</translation>
    </message>
    <message>
        <source>Not described for this policy.</source>
        <translation>Für diese Richtlinie nicht beschrieben.</translation>
    </message>
    <message>
        <source>a value or an expression</source>
        <translation>ein Wert oder ein Ausdruck</translation>
    </message>
    <message>
        <source>text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>The element&apos;s content.</source>
        <translation>Der Inhalt des Elements.</translation>
    </message>
    <message>
        <source>Contains %1. Nested elements are edited in the text.</source>
        <translation>Enthält %1. Verschachtelte Elemente werden im Text bearbeitet.</translation>
    </message>
    <message>
        <source>Required: give it a value.</source>
        <translation>Erforderlich: Geben Sie einen Wert an.</translation>
    </message>
    <message>
        <source>Takes a literal value, not an expression.</source>
        <translation>Nimmt einen literalen Wert, keinen Ausdruck.</translation>
    </message>
    <message>
        <source>A whole number, or an expression like @(…).</source>
        <translation>Eine ganze Zahl oder ein Ausdruck wie @(…).</translation>
    </message>
    <message>
        <source>A number, or an expression like @(…).</source>
        <translation>Eine Zahl oder ein Ausdruck wie @(…).</translation>
    </message>
    <message>
        <source>One of %1.</source>
        <translation>Eines von %1.</translation>
    </message>
</context>
<context>
    <name>gh::policies::PolicyFlowModel</name>
    <message>
        <source>nothing from broader scopes</source>
        <translation>nichts aus übergeordneten Bereichen</translation>
    </message>
    <message>
        <source>Move %1</source>
        <translation>%1 verschieben</translation>
    </message>
    <message>
        <source>Delete %1</source>
        <translation>%1 löschen</translation>
    </message>
    <message>
        <source>Set %1 of %2</source>
        <translation>%1 von %2 setzen</translation>
    </message>
    <message>
        <source>Set the text of %1</source>
        <translation>Den Text von %1 setzen</translation>
    </message>
    <message>
        <source>Add %1</source>
        <translation>%1 hinzufügen</translation>
    </message>
    <message>
        <source>Inbound</source>
        <translation>Eingehend</translation>
    </message>
    <message>
        <source>Backend</source>
        <translation>Backend</translation>
    </message>
    <message>
        <source>Outbound</source>
        <translation>Ausgehend</translation>
    </message>
    <message>
        <source>On error</source>
        <translation>Bei Fehler</translation>
    </message>
</context>
<context>
    <name>gh::policies::PolicyFlowView</name>
    <message>
        <source>Policy flow of %1</source>
        <translation>Richtlinienfluss von %1</translation>
    </message>
    <message>
        <source>Drag a card or press Alt+↑/↓ to reorder · Delete removes · Enter edits</source>
        <translation>Karte ziehen oder Alt+↑/↓ drücken zum Umordnen · Entf entfernt · Eingabe bearbeitet</translation>
    </message>
    <message>
        <source>&amp;Create policy</source>
        <translation>Richtlinie &amp;erstellen</translation>
    </message>
    <message>
        <source>Create a policy document</source>
        <translation>Ein Richtliniendokument erstellen</translation>
    </message>
    <message>
        <source>Create policy</source>
        <translation>Richtlinie erstellen</translation>
    </message>
    <message>
        <source>&amp;Settings</source>
        <translation>Ein&amp;stellungen</translation>
    </message>
    <message>
        <source>Section to add to</source>
        <translation>Abschnitt, zu dem hinzugefügt wird</translation>
    </message>
    <message>
        <source>Add &amp;to:</source>
        <translation>Hinzufügen &amp;zu:</translation>
    </message>
    <message>
        <source>Filter policies</source>
        <translation>Richtlinien filtern</translation>
    </message>
    <message>
        <source>rate-limit, header, cache…</source>
        <translation>rate-limit, header, cache…</translation>
    </message>
    <message>
        <source>&amp;Find:</source>
        <translation>S&amp;uchen:</translation>
    </message>
    <message>
        <source>Policies</source>
        <translation>Richtlinien</translation>
    </message>
    <message>
        <source>&amp;Add policy</source>
        <translation>Richtlinie &amp;hinzufügen</translation>
    </message>
    <message>
        <source>Add the selected policy</source>
        <translation>Die ausgewählte Richtlinie hinzufügen</translation>
    </message>
    <message>
        <source>&amp;Palette</source>
        <translation>&amp;Palette</translation>
    </message>
    <message>
        <source>%1 has no policy yet: the broader scopes&apos; policies apply as they are.</source>
        <translation>%1 hat noch keine Richtlinie: Die Richtlinien der übergeordneten Bereiche gelten unverändert.</translation>
    </message>
    <message>
        <source>The document is not a &lt;policies&gt; document.</source>
        <translation>Das Dokument ist kein &lt;policies&gt;-Dokument.</translation>
    </message>
    <message>
        <source>Line %1: %2</source>
        <translation>Zeile %1: %2</translation>
    </message>
    <message>
        <source>The policy cannot be drawn until its text is fixed.
%1</source>
        <translation>Die Richtlinie kann erst dargestellt werden, wenn ihr Text korrigiert ist.
%1</translation>
    </message>
    <message>
        <source>%1 (not run here)</source>
        <translation>%1 (hier nicht ausgeführt)</translation>
    </message>
</context>
<context>
    <name>gh::policies::PolicyLexer</name>
    <message>
        <source>Default</source>
        <translation>Standard</translation>
    </message>
    <message>
        <source>Tag bracket</source>
        <translation>Tag-Klammer</translation>
    </message>
    <message>
        <source>Element</source>
        <translation>Element</translation>
    </message>
    <message>
        <source>Attribute</source>
        <translation>Attribut</translation>
    </message>
    <message>
        <source>Attribute value</source>
        <translation>Attributwert</translation>
    </message>
    <message>
        <source>Text</source>
        <translation>Text</translation>
    </message>
    <message>
        <source>Comment</source>
        <translation>Kommentar</translation>
    </message>
    <message>
        <source>CDATA</source>
        <translation>CDATA</translation>
    </message>
    <message>
        <source>Processing instruction</source>
        <translation>Verarbeitungsanweisung</translation>
    </message>
    <message>
        <source>Entity</source>
        <translation>Entität</translation>
    </message>
    <message>
        <source>Named value</source>
        <translation>Benannter Wert</translation>
    </message>
    <message>
        <source>Expression bracket</source>
        <translation>Ausdrucksklammer</translation>
    </message>
    <message>
        <source>Keyword</source>
        <translation>Schlüsselwort</translation>
    </message>
    <message>
        <source>Identifier</source>
        <translation>Bezeichner</translation>
    </message>
    <message>
        <source>Context</source>
        <translation>Kontext</translation>
    </message>
    <message>
        <source>String</source>
        <translation>Zeichenkette</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Zahl</translation>
    </message>
    <message>
        <source>Operator</source>
        <translation>Operator</translation>
    </message>
    <message>
        <source>Invalid</source>
        <translation>Ungültig</translation>
    </message>
</context>
<context>
    <name>gh::shell::CommandPalette</name>
    <message>
        <source>Command palette</source>
        <translation>Befehlspalette</translation>
    </message>
    <message>
        <source>Command filter</source>
        <translation>Befehlsfilter</translation>
    </message>
    <message>
        <source>Type a command: “save”, “theme dark”, “restart”…</source>
        <translation>Einen Befehl eingeben: „save“, „theme dark“, „restart“…</translation>
    </message>
    <message>
        <source>Commands</source>
        <translation>Befehle</translation>
    </message>
    <message>
        <source>↑↓ to move, Enter to run, Esc to close</source>
        <translation>↑↓ zum Bewegen, Eingabe zum Ausführen, Esc zum Schließen</translation>
    </message>
</context>
<context>
    <name>gh::shell::InfoBar</name>
    <message>
        <source>Notification</source>
        <translation>Benachrichtigung</translation>
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
        <source>Gatehouse</source>
        <translation>Gatehouse</translation>
    </message>
    <message>
        <source>No workspace</source>
        <translation>Kein Arbeitsbereich</translation>
    </message>
    <message>
        <source>&amp;New Workspace…</source>
        <translation>&amp;Neuer Arbeitsbereich…</translation>
    </message>
    <message>
        <source>Save A&amp;ll</source>
        <translation>&amp;Alle speichern</translation>
    </message>
    <message>
        <source>Re&amp;vert to Saved…</source>
        <translation>Gespeicherten Stand &amp;wiederherstellen…</translation>
    </message>
    <message>
        <source>Command &amp;Palette…</source>
        <translation>Befehls&amp;palette…</translation>
    </message>
    <message>
        <source>Se&amp;ttings…</source>
        <translation>&amp;Einstellungen…</translation>
    </message>
    <message>
        <source>Next &amp;Pane</source>
        <translation>&amp;Nächster Bereich</translation>
    </message>
    <message>
        <source>Pre&amp;vious Pane</source>
        <translation>V&amp;orheriger Bereich</translation>
    </message>
    <message>
        <source>Ne&amp;xt Tab</source>
        <translation>Nächster &amp;Tab</translation>
    </message>
    <message>
        <source>Previous Ta&amp;b</source>
        <translation>Vorheriger Ta&amp;b</translation>
    </message>
    <message>
        <source>The workspace&apos;s entities; Enter opens the selected one.</source>
        <translation>Die Entitäten des Arbeitsbereichs; Eingabe öffnet die ausgewählte.</translation>
    </message>
    <message>
        <source>Show Policy &amp;Flow</source>
        <translation>Richtlinien&amp;fluss anzeigen</translation>
    </message>
    <message>
        <source>Show &amp;Effective Policy</source>
        <translation>&amp;Effektive Richtlinie anzeigen</translation>
    </message>
    <message>
        <source>Flow: %1</source>
        <translation>Fluss: %1</translation>
    </message>
    <message>
        <source>Effective: %1</source>
        <translation>Effektiv: %1</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Umbenennen</translation>
    </message>
    <message>
        <source>Editors</source>
        <translation>Editoren</translation>
    </message>
    <message>
        <source>Enter or double-click opens the place of the problem.</source>
        <translation>Eingabe oder Doppelklick öffnet die Stelle des Problems.</translation>
    </message>
    <message>
        <source>&amp;High Contrast</source>
        <translation>Hoher &amp;Kontrast</translation>
    </message>
    <message>
        <source>Workspace</source>
        <translation>Arbeitsbereich</translation>
    </message>
    <message>
        <source>Live configuration</source>
        <translation>Live-Konfiguration</translation>
    </message>
    <message>
        <source>Request rate</source>
        <translation>Anfragerate</translation>
    </message>
    <message>
        <source>Gateway</source>
        <translation>Gateway</translation>
    </message>
    <message>
        <source>closing</source>
        <translation>dem Schließen</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen</translation>
    </message>
    <message>
        <source>Workspace “%1” has unsaved changes.</source>
        <translation>Der Arbeitsbereich „%1“ hat ungespeicherte Änderungen.</translation>
    </message>
    <message>
        <source>Save them before %1?</source>
        <translation>Vor %1 speichern?</translation>
    </message>
    <message>
        <source>opening another workspace</source>
        <translation>dem Öffnen eines anderen Arbeitsbereichs</translation>
    </message>
    <message>
        <source>New Workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>Der Ordner %1 kann nicht erstellt werden.</translation>
    </message>
    <message>
        <source>%1 already holds a workspace; use Open Workspace instead.</source>
        <translation>%1 enthält bereits einen Arbeitsbereich; stattdessen „Arbeitsbereich öffnen“ verwenden.</translation>
    </message>
    <message>
        <source>Cannot write %1: %2</source>
        <translation>%1 kann nicht geschrieben werden: %2</translation>
    </message>
    <message>
        <source>Save Failed</source>
        <translation>Speichern fehlgeschlagen</translation>
    </message>
    <message>
        <source>Some files of “%1” could not be written; the others were.</source>
        <translation>Einige Dateien von „%1“ konnten nicht geschrieben werden; die übrigen schon.</translation>
    </message>
    <message>
        <source>Save failed: %1</source>
        <translation>Speichern fehlgeschlagen: %1</translation>
    </message>
    <message>
        <source>Saved %1</source>
        <translation>%1 gespeichert</translation>
    </message>
    <message>
        <source>Saved workspace %1</source>
        <translation>Arbeitsbereich %1 gespeichert</translation>
    </message>
    <message>
        <source>Revert to Saved</source>
        <translation>Gespeicherten Stand wiederherstellen</translation>
    </message>
    <message>
        <source>Forget every unsaved change to “%1”?</source>
        <translation>Alle ungespeicherten Änderungen an „%1“ verwerfen?</translation>
    </message>
    <message>
        <source>The files are read again; this cannot be undone.</source>
        <translation>Die Dateien werden neu eingelesen; dies kann nicht rückgängig gemacht werden.</translation>
    </message>
    <message>
        <source>&amp;Revert</source>
        <translation>&amp;Zurücksetzen</translation>
    </message>
    <message>
        <source>Read %1 again</source>
        <translation>%1 neu eingelesen</translation>
    </message>
    <message>
        <source>Files changed on disk: read again</source>
        <translation>Dateien auf der Festplatte geändert: neu eingelesen</translation>
    </message>
    <message>
        <source>Files of this workspace changed on disk. Reload them and lose your unsaved changes, or keep yours (saving writes them over the files).</source>
        <translation>Dateien dieses Arbeitsbereichs wurden auf der Festplatte geändert. Neu laden und die ungespeicherten Änderungen verlieren, oder Ihre behalten (Speichern überschreibt dann die Dateien).</translation>
    </message>
    <message>
        <source>&amp;Reload</source>
        <translation>&amp;Neu laden</translation>
    </message>
    <message>
        <source>&amp;Keep Mine</source>
        <translation>&amp;Meine behalten</translation>
    </message>
    <message>
        <source>Gatehouse did not close cleanly. Unsaved changes to this workspace from %1 were kept.</source>
        <translation>Gatehouse wurde nicht ordnungsgemäß beendet. Ungespeicherte Änderungen an diesem Arbeitsbereich von %1 wurden aufbewahrt.</translation>
    </message>
    <message>
        <source>&amp;Restore</source>
        <translation>&amp;Wiederherstellen</translation>
    </message>
    <message>
        <source>Restore Unsaved Changes</source>
        <translation>Ungespeicherte Änderungen wiederherstellen</translation>
    </message>
    <message>
        <source>Restored unsaved changes from %1</source>
        <translation>Ungespeicherte Änderungen von %1 wiederhergestellt</translation>
    </message>
    <message>
        <source>&amp;Discard</source>
        <translation>&amp;Verwerfen</translation>
    </message>
    <message>
        <source>Cannot write the recovery copy to %1</source>
        <translation>Die Wiederherstellungskopie kann nicht nach %1 geschrieben werden</translation>
    </message>
    <message>
        <source>creating a workspace</source>
        <translation>dem Anlegen eines Arbeitsbereichs</translation>
    </message>
    <message>
        <source>New Workspace: Choose an Empty Folder</source>
        <translation>Neuer Arbeitsbereich: Einen leeren Ordner wählen</translation>
    </message>
    <message>
        <source>Pick an item in the navigator to edit it. Edits are served by the embedded gateway as you type, and kept safe until you save them.</source>
        <translation>Ein Element im Navigator auswählen, um es zu bearbeiten. Änderungen werden schon während der Eingabe vom eingebauten Gateway bereitgestellt und bis zum Speichern sicher aufbewahrt.</translation>
    </message>
    <message>
        <source>Open an APIOps artifacts folder, or create a new workspace, to start.</source>
        <translation>Zum Beginnen einen APIOps-Artefaktordner öffnen oder einen neuen Arbeitsbereich anlegen.</translation>
    </message>
    <message>
        <source>Run any command</source>
        <translation>Einen beliebigen Befehl ausführen</translation>
    </message>
    <message>
        <source>New workspace</source>
        <translation>Neuer Arbeitsbereich</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Speichern</translation>
    </message>
    <message>
        <source>Move between navigator, editor and problems</source>
        <translation>Zwischen Navigator, Editor und Problemen wechseln</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>Gateway settings changed</source>
        <translation>Gateway-Einstellungen geändert</translation>
    </message>
    <message>
        <source>⚠ Edits have errors: serving the last good configuration</source>
        <translation>⚠ Änderungen enthalten Fehler: Die letzte fehlerfreie Konfiguration wird bereitgestellt</translation>
    </message>
    <message>
        <source>See the Problems dock (%1).</source>
        <translation>Siehe Bereich „Probleme“ (%1).</translation>
    </message>
    <message>
        <source>%1 req/s</source>
        <translation>%1 Anfr./s</translation>
    </message>
    <message numerus="yes">
        <source>Requests per second over the last 5 seconds; %n request(s) since the start</source>
        <translation>
            <numerusform>Anfragen pro Sekunde über die letzten 5 Sekunden; %n Anfrage seit dem Start</numerusform>
            <numerusform>Anfragen pro Sekunde über die letzten 5 Sekunden; %n Anfragen seit dem Start</numerusform>
        </translation>
    </message>
    <message>
        <source>%1[*] — Gatehouse</source>
        <translation>%1[*] — Gatehouse</translation>
    </message>
    <message>
        <source>Changed since the last save</source>
        <translation>Seit dem letzten Speichern geändert</translation>
    </message>
    <message>
        <source>&amp;Test in Console</source>
        <translation>In der Konsole &amp;testen</translation>
    </message>
    <message>
        <source>&amp;Test Console</source>
        <translation>&amp;Testkonsole</translation>
    </message>
    <message>
        <source>&amp;Analytics</source>
        <translation>Ana&amp;lyse</translation>
    </message>
    <message>
        <source>Simulate Tra&amp;ffic…</source>
        <translation>&amp;Datenverkehr simulieren…</translation>
    </message>
    <message>
        <source>Analytics</source>
        <translation>Analyse</translation>
    </message>
</context>
<context>
    <name>gh::shell::SettingsDialog</name>
    <message>
        <source>Serve &amp;HTTPS (TLS)</source>
        <translation>&amp;HTTPS anbieten (TLS)</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Einstellungen</translation>
    </message>
    <message>
        <source>&lt;b&gt;Embedded gateway&lt;/b&gt;</source>
        <translation>&lt;b&gt;Eingebautes Gateway&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Port</source>
        <translation>Port</translation>
    </message>
    <message>
        <source>Any free port</source>
        <translation>Beliebiger freier Port</translation>
    </message>
    <message>
        <source>The port the gateway listens on, on 127.0.0.1. 0 picks a free one at each start.</source>
        <translation>Der Port, auf dem das Gateway auf 127.0.0.1 lauscht. 0 wählt bei jedem Start einen freien.</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>&amp;Port:</translation>
    </message>
    <message>
        <source>Serve HTTPS</source>
        <translation>HTTPS anbieten</translation>
    </message>
    <message>
        <source>&amp;Certificate:</source>
        <translation>&amp;Zertifikat:</translation>
    </message>
    <message>
        <source>Private &amp;key:</source>
        <translation>Privater &amp;Schlüssel:</translation>
    </message>
    <message>
        <source>Changes take effect when the gateway restarts; a running gateway restarts when you press OK.</source>
        <translation>Änderungen werden beim Neustart des Gateways wirksam; ein laufendes Gateway startet neu, wenn Sie auf OK drücken.</translation>
    </message>
    <message>
        <source>PEM file</source>
        <translation>PEM-Datei</translation>
    </message>
    <message>
        <source>Browse…</source>
        <translation>Durchsuchen…</translation>
    </message>
    <message>
        <source>Browse for %1</source>
        <translation>Nach %1 suchen</translation>
    </message>
    <message>
        <source>PEM files (*.pem *.crt *.key);;All files (*)</source>
        <translation>PEM-Dateien (*.pem *.crt *.key);;Alle Dateien (*)</translation>
    </message>
    <message>
        <source>Required for HTTPS.</source>
        <translation>Für HTTPS erforderlich.</translation>
    </message>
    <message>
        <source>No such file.</source>
        <translation>Datei nicht vorhanden.</translation>
    </message>
    <message>
        <source>Keep analytics history</source>
        <translation>Analyseverlauf aufbewahren</translation>
    </message>
    <message>
        <source>Forever</source>
        <translation>Unbegrenzt</translation>
    </message>
    <message>
        <source> days</source>
        <translation> Tage</translation>
    </message>
    <message>
        <source>Requests older than this are deleted from the analytics history about once a minute.</source>
        <translation>Ältere Anfragen werden etwa einmal pro Minute aus dem Analyseverlauf gelöscht.</translation>
    </message>
    <message>
        <source>Keep analytics &amp;history:</source>
        <translation>Analyse&amp;verlauf aufbewahren:</translation>
    </message>
    <message>
        <source>Headers to log</source>
        <translation>Zu protokollierende Header</translation>
    </message>
    <message>
        <source>None</source>
        <translation>Keine</translation>
    </message>
    <message>
        <source>Request and response headers kept with every request, shown in the Analytics request log. Subscription keys are never kept.</source>
        <translation>Header von Anfrage und Antwort, die mit jeder Anfrage aufbewahrt und im Anfrageprotokoll der Analyse angezeigt werden. Abonnementschlüssel werden nie aufbewahrt.</translation>
    </message>
    <message>
        <source>Headers to &amp;log:</source>
        <translation>Zu pr&amp;otokollierende Header:</translation>
    </message>
</context>
<context>
    <name>gh::workspace::PolicyTarget</name>
    <message>
        <source>Global policy</source>
        <translation>Globale Richtlinie</translation>
    </message>
    <message>
        <source>Product %1</source>
        <translation>Produkt %1</translation>
    </message>
    <message>
        <source>API %1</source>
        <translation>API %1</translation>
    </message>
    <message>
        <source>Operation %1 › %2</source>
        <translation>Operation %1 › %2</translation>
    </message>
    <message>
        <source>Fragment %1</source>
        <translation>Fragment %1</translation>
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
        <translation>Versionssatz, versioniert über %1</translation>
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
    <message>
        <source>Groups</source>
        <translation>Gruppen</translation>
    </message>
    <message>
        <source>Users</source>
        <translation>Benutzer</translation>
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
    <message>
        <source>Print how long it took until the window was usable, then exit.</source>
        <translation>Ausgeben, wie lange es dauerte, bis das Fenster benutzbar war, dann beenden.</translation>
    </message>
    <message>
        <source>Open the Analytics tab and write the event loop&apos;s lag (p50, p99, max) to &lt;file&gt; every two seconds, for as long as the console runs.</source>
        <translation>Den Tab „Analyse“ öffnen und alle zwei Sekunden die Verzögerung der Ereignisschleife (p50, p99, max) nach &lt;file&gt; schreiben, solange die Konsole läuft.</translation>
    </message>
</context>
<context>
    <name>std</name>
    <message>
        <source>New API</source>
        <translation>Neue API</translation>
    </message>
    <message>
        <source>Create Revision %1</source>
        <translation>Revision %1 erstellen</translation>
    </message>
    <message>
        <source>Import %1</source>
        <translation>%1 importieren</translation>
    </message>
    <message>
        <source>Import OpenAPI (replace)</source>
        <translation>OpenAPI importieren (ersetzen)</translation>
    </message>
    <message>
        <source>Import OpenAPI (merge)</source>
        <translation>OpenAPI importieren (zusammenführen)</translation>
    </message>
</context>
</TS>
