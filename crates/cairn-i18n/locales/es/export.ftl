## Paquetes para el tribunal, cronologías y su verificación.

export-title = Paquete de evidencias
export-label-case = Caso
export-label-page = Página
export-label-of = de
export-label-recipient = Preparado para
export-label-exported-at = Exportado
export-label-exported-by = Exportado por
export-label-journal-size = Eventos en el diario del caso
export-label-checkpoint-time = Diario firmado el
export-label-checkpoint-root = Raíz del diario (SHA-256)
export-label-fingerprint = Huella del punto de control
export-label-signing-key = Clave de firma
export-label-summary = Resumen de la conducta reiterada
export-label-incidents = Incidentes
export-label-number = N.º
export-label-when = Cuándo
export-label-what = Qué pasó
export-label-evidence = Evidencias
export-label-messages = Extractos de mensajes
export-label-messages-note = Mensajes marcados para revisión, o los primeros, cada uno con el archivo importado del que proviene y el SHA-256 de ese archivo.
export-label-party = Persona
export-label-text = Texto
export-label-evidence-index = Índice de evidencias
export-label-item = Elemento
export-label-file = Archivo, adquirido, SHA-256
export-label-size = Bytes
export-summary-counts = Este paquete contiene { $events } eventos del diario del caso, { $incidents } incidentes y { $evidence } archivos de evidencia.
export-summary-party = { $name }: { $fact }
export-chart-caption = Contactos por día: { $name }
export-note-selection = Esta es una selección del diario del caso. Cada evento incluido lleva una prueba de que forma parte del diario firmado en el punto de control de arriba, así que nada en él pudo cambiarse ni inventarse después de ese momento.
export-note-stripped = { $count } fotos son copias sin los metadatos de ubicación y de dispositivo, para proteger dónde vive la persona sobreviviente. Los originales quedan en la bóveda; el diario guarda el SHA-256 de cada original junto a su copia.
export-note-originals = Este paquete contiene fotos con sus metadatos originales, que pueden mostrar dónde y con qué dispositivo se tomaron.
export-note-withheld = Se dejaron fuera { $count } fotos porque no se pudieron quitar sus metadatos con seguridad ({ $names }). Exporte de nuevo con las fotos originales si hacen falta.
export-note-truncated = El informe muestra los primeros { $shown } de { $total } incidentes; todos están en journal.jsonl.
export-message-source = { $channel } · de { $file } (evidencia { $id }, SHA-256 { $sha })
export-verify-title = Cómo verificar este paquete
export-verify-intro = Todo lo que sigue funciona sin conexión, con herramientas estándar. Ejecute las órdenes en la carpeta donde descomprimió el paquete.
export-verify-step-sums = 1. Compruebe que cada archivo está tal como se exportó. Cada línea debe terminar en OK (o «La suma coincide»):
export-verify-step-signature = 2. Compruebe que la lista de sumas la firmó la clave de la bóveda. Debe mostrar Good "cairn-packet@cairn.invalid" signature for cairn-vault:
export-verify-step-key = 3. Compruebe que la clave es la de la agencia. Esto debe mostrar la huella { $fingerprint }; confirme esa huella con la agencia por otro medio (teléfono, carta).
export-verify-step-proofs = 4. Cada línea de journal.jsonl es un evento, exactamente como se firmó. proofs.json demuestra que cada uno forma parte del diario en el punto de control { $size } (huella { $checkpoint }). Las reglas para comprobar las pruebas sin Cairn (árboles de Merkle RFC 9162) están en la especificación que acompaña a Cairn, docs/packet-spec.md.
export-verify-step-cairn = 5. Con Cairn, una sola orden comprueba todo lo anterior y las pruebas:
export-verify-stripped = Las fotos marcadas metadata_removed en manifest.json son copias; sus sumas las declara el evento de exportación (la última línea de journal.jsonl), y la suma del original está en su evento evidence_added.
export-cert-title = Hoja para la certificación
export-cert-intro = Datos que una persona cualificada necesita para certificar estos registros y su identificación digital. Cairn preparó esta hoja; una persona debe revisarla y firmarla.
export-cert-tool = Herramienta y versión
export-cert-algorithms = Algoritmos
export-cert-algorithms-value = SHA-256 (sumas de archivos, árbol de Merkle RFC 9162 del diario), Ed25519 (firmas de puntos de control y del paquete), OpenSSH SSHSIG (formato de firma), RFC 8785 (JSON canónico de los eventos)
export-cert-case = Caso
export-cert-exported = Exportado el, por
export-cert-recipient = Preparado para
export-cert-checkpoint = Punto de control firmado del diario
export-cert-key = Huella de la clave de firma
export-cert-process = Proceso
export-cert-process-value = Cada archivo se resumió con SHA-256 y se cifró en la bóveda al adquirirlo, y la suma se anotó en un diario firmado en el que solo se puede añadir. Para esta exportación los archivos se descifraron de la bóveda, se compararon con la suma anotada y se escribieron en el paquete; SHA256SUMS lista la suma de cada archivo y está firmado con la clave Ed25519 de la bóveda.
export-cert-items = Evidencias
export-cert-item-acquired = adquirido { $at } por { $by } de { $source }
export-cert-item-copy = copia sin metadatos, SHA-256 { $sha }
export-cert-sign = Nombre, cargo, firma y fecha de la persona que certifica:

## Línea de órdenes
export-progress = Escribiendo el paquete
export-written = Se escribió { $path }: { $events } eventos del diario, { $evidence } archivos de evidencia.
export-written-stripped = { $count } fotos son copias sin metadatos de ubicación ni de dispositivo.
export-written-withheld = Se dejaron fuera { $count } fotos: no se pudieron quitar sus metadatos (use --original-images para incluirlas).
export-written-fingerprint = Huella del punto de control: { $fingerprint }
export-written-key = Clave de firma: { $fingerprint }
export-written-verify = Compruébelo con: cairn verify { $path }
verify-progress = Comprobando
verify-ok = VERIFICADO: cada archivo, la firma y cada prueba son correctos.
verify-ok-details = { $files } archivos, { $events } eventos del diario probados frente a un diario firmado de { $size } eventos, { $evidence } archivos de evidencia, { $earlier } exportaciones anteriores probadas coherentes.
verify-ok-key = Firmado con la clave { $fingerprint }. Confirme esta huella con la agencia que envió el paquete.
verify-ok-checkpoint = Huella del punto de control (en la portada del informe): { $fingerprint }
verify-failed = NO VERIFICADO: se encontraron { $count } problemas.
verify-unreadable = { $path }: no se puede leer ({ $detail })
verify-sums = SHA256SUMS línea { $line }: { $detail }
verify-signature-malformed = SHA256SUMS.sig no es una firma SSH
verify-signature-not-canonical = SHA256SUMS.sig fue modificado (no está exactamente como se firmó)
verify-signature-namespace = SHA256SUMS.sig no se hizo para un paquete de Cairn
verify-signature-key = SHA256SUMS.sig lo hizo una clave distinta de cairn-signing-key.pub
verify-public-key = cairn-signing-key.pub no es la única clave Ed25519 que escribe Cairn
verify-signature-mismatch = la firma no corresponde a SHA256SUMS: la lista de sumas fue modificada
verify-missing = { $path }: aparece en SHA256SUMS pero falta
verify-unlisted = { $path }: no aparece en SHA256SUMS
verify-hash = { $path }: su SHA-256 no coincide con SHA256SUMS (el archivo fue modificado)
verify-document = { $path }: { $detail }
verify-checkpoint-signature = proofs.json: la firma del punto de control no es válida
verify-checkpoint-key = proofs.json: el punto de control lo firmó una clave distinta de la del paquete
verify-event-canonical = journal.jsonl línea { $line }: no es un evento canónico de este caso
verify-event-proof = journal.jsonl línea { $line }: su prueba de inclusión falla
verify-consistency = proofs.json: el punto de control anterior { $index } no está probado como prefijo de este diario
verify-fingerprint = manifest.json: la huella del punto de control no coincide con proofs.json
verify-report-fingerprint = report.pdf no lleva la huella del punto de control
verify-evidence = { $path }: { $detail }
verify-other = se encontró otro problema

## Cronología, tablas CSV y hoja de trabajo del IC3 (`cairn export chronology|incidents|messages|ic3`)

chronology-title = Cronología de incidentes
chronology-label-prepared-at = Preparada
chronology-label-prepared-by = Preparada por
chronology-none = Ningún incidente coincide con esta selección.
chronology-note-counts = { $incidents ->
    [one] Un incidente
   *[other] { $incidents } incidentes
}, numerados en el orden en que ocurrieron, y { $evidence ->
    [one] un elemento de prueba
   *[other] { $evidence } elementos de prueba
} que los respaldan.
chronology-note-proof = Cada incidente y cada prueba forman parte del diario del caso en el punto de control que figura en el encabezado. Un paquete judicial exportado del mismo caso lo demuestra, y el índice de pruebas da el SHA-256 de cada archivo original.
export-col-number = N.º
export-col-date = Fecha
export-col-time = Hora
export-col-precision = La hora es
export-col-channel = Canal
export-col-behaviours = Conductas
export-col-subject = Persona
export-col-narrative = Qué ocurrió
export-col-evidence = Pruebas
export-col-evidence-sha256 = SHA-256 de las pruebas
export-col-incident = Id. del incidente
export-col-categories = Categorías
export-col-location = Lugar
export-col-witnesses = Testigos
export-col-police-report = Denuncia policial
export-col-injuries = Lesiones
export-col-fear = Miedo (0–10)
export-col-local-time = Hora local
export-col-utc = UTC
export-col-direction = Dirección
export-col-party = Interlocutor
export-col-party-name = Nombre mostrado
export-col-others = Otros
export-col-email-subject = Asunto del correo
export-col-text = Texto
export-col-duration = Duración (s)
export-col-attachments = Adjuntos
export-col-attachments-sha256 = SHA-256 de los adjuntos
export-col-flags = Marcas
export-col-source-evidence = Elemento de origen
export-col-source-file = Archivo de origen
export-col-source-sha256 = SHA-256 del origen
export-col-source-entry = Entrada del origen
export-col-source-line = Línea del origen
ic3-title = HOJA DE TRABAJO PARA LA DENUNCIA ANTE EL IC3 — caso { $case }
ic3-prepared = Preparada { $at } por { $by }. Punto de control del diario { $fingerprint }.
ic3-intro = Esta hoja sigue las secciones del formulario de denuncia del Centro de Denuncias de Delitos por Internet del FBI (ic3.gov). Cairn no envía nada: copie cada sección en el formulario usted misma, en un dispositivo que el agresor no pueda ver ni usar. Complete los espacios [ ] usted misma; Cairn no los guarda.
ic3-victim = Datos de la víctima
ic3-victim-name = Nombre
ic3-victim-age = Edad o fecha de nacimiento
ic3-victim-address = Dirección
ic3-victim-phone = Teléfono
ic3-victim-email = Correo electrónico
ic3-victim-note = Si su dirección debe permanecer confidencial (por ejemplo, en un programa de confidencialidad de domicilio), indique la dirección sustituta que le dio el programa.
ic3-money = Transacciones financieras
ic3-money-none = Ningún incidente de esta selección está registrado como financiero. Si perdió dinero o se lo quitaron, complete las líneas siguientes para cada transacción.
ic3-money-amount = Importe y moneda
ic3-money-method = Medio (transferencia, tarjeta, tarjeta regalo, criptomoneda, efectivo, aplicación)
ic3-money-date = Fecha
ic3-money-recipient = Banco, cuenta, monedero o usuario de la aplicación de quien lo recibió
ic3-subjects = Datos de la persona o personas responsables
ic3-subjects-none = No hay ninguna persona registrada en esta selección.
ic3-identifier-phone = Teléfono
ic3-identifier-email = Correo electrónico
ic3-identifier-handle = Cuenta
ic3-description = Descripción de los hechos, en orden cronológico
ic3-description-none = Ningún incidente coincide con esta selección.
ic3-other = Otra información
ic3-other-no-email = No hay correos importados de estas personas. Si un correo formó parte de lo ocurrido, reenvíeselo como archivo adjunto e impórtelo, para conservar sus encabezados.
ic3-other-email-intro = Encabezados de correo, tal como se recibieron (los investigadores los usan para rastrear al remitente):
ic3-other-email = Correo { $number }: { $at }, de { $from }, asunto «{ $subject }»
ic3-other-truncated = [encabezados cortados aquí; los encabezados completos están en el archivo original]
ic3-files = Archivos originales que hay que conservar para los investigadores
ic3-files-intro = Conserve estos archivos sin cambios. Los investigadores pueden pedirlos; el SHA-256 demuestra que un archivo es el que figura aquí. Un paquete judicial (cairn export packet) los incluye con la prueba de que pertenecen a este caso.
export-document-written = Se escribió { $path }: { $rows ->
    [one] una fila
   *[other] { $rows } filas
}, { $evidence ->
    [one] un elemento de prueba
   *[other] { $evidence } elementos de prueba
}.
export-document-csv-note = Las celdas que empiezan por =, +, - o @ llevan delante un apóstrofo para que la hoja de cálculo las muestre como texto y nunca las ejecute.
export-history-none = Todavía no se ha exportado nada de este caso.
col-journal-event = Evento
col-export-kind = Exportación
col-recipient = Para
col-purpose = Finalidad
export-kind-packet = paquete judicial
export-kind-chronology_pdf = cronología (PDF)
export-kind-chronology_csv = cronología (CSV)
export-kind-incidents_csv = incidentes (CSV)
export-kind-messages_csv = mensajes (CSV)
export-kind-ic3_worksheet = hoja de trabajo del IC3
error-too-large-for-download = Esta exportación superaría los { $mib } MiB, demasiado para prepararla como descarga. Elija menos elementos o un período más corto, o ejecute cairn export en este equipo para escribirla en un archivo.
export-note-carrying = { $count ->
    [one] Un archivo importado se incluye
   *[other] { $count } archivos importados se incluyen
} tal como se recibieron, porque un tribunal puede necesitar el original: { $names }. Las fotos y otros archivos que contienen (fotos de MMS, contenido de chats, adjuntos de correo) conservan sus metadatos, que pueden incluir dónde se tomaron. Revíselos antes de compartirlos, o déjelos fuera con --evidence.
export-written-carrying = { $count ->
    [one] Atención: un archivo importado se incluye tal como se recibió; las fotos que contiene conservan sus metadatos de ubicación (véase la portada del informe).
   *[other] Atención: { $count } archivos importados se incluyen tal como se recibieron; las fotos que contienen conservan sus metadatos de ubicación (véase la portada del informe).
}
error-too-many-for-pdf = { $incidents } incidentes son demasiados para una cronología en PDF (como mucho { $limit }). Elija un período con --from y --to, o expórtela en CSV.
