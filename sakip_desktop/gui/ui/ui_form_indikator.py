# Dibuat otomatis oleh tools/buat_ui.py dari ui/form_indikator.ui. Jangan diubah dengan tangan.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'form_indikator.ui'
##
##
## WARNING! All changes made in this file will be lost when recompiling UI file!
################################################################################

from PySide6.QtCore import (QCoreApplication, QDate, QDateTime, QLocale,
    QMetaObject, QObject, QPoint, QRect,
    QSize, QTime, QUrl, Qt)
from PySide6.QtGui import (QBrush, QColor, QConicalGradient, QCursor,
    QFont, QFontDatabase, QGradient, QIcon,
    QImage, QKeySequence, QLinearGradient, QPainter,
    QPalette, QPixmap, QRadialGradient, QTransform)
from PySide6.QtWidgets import (QApplication, QCheckBox, QComboBox, QFormLayout,
    QLabel, QLineEdit, QPlainTextEdit, QSizePolicy,
    QSpacerItem, QVBoxLayout, QWidget)

class Ui_FormIndikator(object):
    def setupUi(self, FormIndikator):
        if not FormIndikator.objectName():
            FormIndikator.setObjectName(u"FormIndikator")
        FormIndikator.resize(520, 420)
        self.tata_utama = QVBoxLayout(FormIndikator)
        self.tata_utama.setObjectName(u"tata_utama")
        self.tata_form = QFormLayout()
        self.tata_form.setObjectName(u"tata_form")
        self.tata_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.label_kode = QLabel(FormIndikator)
        self.label_kode.setObjectName(u"label_kode")

        self.tata_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_kode)

        self.kode = QLineEdit(FormIndikator)
        self.kode.setObjectName(u"kode")

        self.tata_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.kode)

        self.label_nama = QLabel(FormIndikator)
        self.label_nama.setObjectName(u"label_nama")

        self.tata_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_nama)

        self.nama = QPlainTextEdit(FormIndikator)
        self.nama.setObjectName(u"nama")
        self.nama.setMaximumSize(QSize(16777215, 55))
        self.nama.setTabChangesFocus(True)

        self.tata_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nama)

        self.label_satuan = QLabel(FormIndikator)
        self.label_satuan.setObjectName(u"label_satuan")

        self.tata_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_satuan)

        self.satuan = QComboBox(FormIndikator)
        self.satuan.setObjectName(u"satuan")
        self.satuan.setEditable(True)

        self.tata_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.satuan)

        self.label_jenis = QLabel(FormIndikator)
        self.label_jenis.setObjectName(u"label_jenis")

        self.tata_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_jenis)

        self.jenis = QComboBox(FormIndikator)
        self.jenis.setObjectName(u"jenis")

        self.tata_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.jenis)

        self.label_rumus = QLabel(FormIndikator)
        self.label_rumus.setObjectName(u"label_rumus")

        self.tata_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_rumus)

        self.rumus = QPlainTextEdit(FormIndikator)
        self.rumus.setObjectName(u"rumus")
        self.rumus.setMaximumSize(QSize(16777215, 50))
        self.rumus.setTabChangesFocus(True)

        self.tata_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.rumus)

        self.label_komponen_a = QLabel(FormIndikator)
        self.label_komponen_a.setObjectName(u"label_komponen_a")

        self.tata_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_komponen_a)

        self.komponen_a = QLineEdit(FormIndikator)
        self.komponen_a.setObjectName(u"komponen_a")

        self.tata_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.komponen_a)

        self.label_komponen_b = QLabel(FormIndikator)
        self.label_komponen_b.setObjectName(u"label_komponen_b")

        self.tata_form.setWidget(6, QFormLayout.ItemRole.LabelRole, self.label_komponen_b)

        self.komponen_b = QLineEdit(FormIndikator)
        self.komponen_b.setObjectName(u"komponen_b")

        self.tata_form.setWidget(6, QFormLayout.ItemRole.FieldRole, self.komponen_b)

        self.label_polaritas = QLabel(FormIndikator)
        self.label_polaritas.setObjectName(u"label_polaritas")

        self.tata_form.setWidget(7, QFormLayout.ItemRole.LabelRole, self.label_polaritas)

        self.polaritas = QComboBox(FormIndikator)
        self.polaritas.setObjectName(u"polaritas")

        self.tata_form.setWidget(7, QFormLayout.ItemRole.FieldRole, self.polaritas)

        self.label_agregasi = QLabel(FormIndikator)
        self.label_agregasi.setObjectName(u"label_agregasi")

        self.tata_form.setWidget(8, QFormLayout.ItemRole.LabelRole, self.label_agregasi)

        self.agregasi = QComboBox(FormIndikator)
        self.agregasi.setObjectName(u"agregasi")

        self.tata_form.setWidget(8, QFormLayout.ItemRole.FieldRole, self.agregasi)

        self.label_penjelasan_agregasi = QLabel(FormIndikator)
        self.label_penjelasan_agregasi.setObjectName(u"label_penjelasan_agregasi")

        self.tata_form.setWidget(9, QFormLayout.ItemRole.LabelRole, self.label_penjelasan_agregasi)

        self.penjelasan_agregasi = QLabel(FormIndikator)
        self.penjelasan_agregasi.setObjectName(u"penjelasan_agregasi")
        self.penjelasan_agregasi.setWordWrap(True)

        self.tata_form.setWidget(9, QFormLayout.ItemRole.FieldRole, self.penjelasan_agregasi)

        self.label_iku = QLabel(FormIndikator)
        self.label_iku.setObjectName(u"label_iku")

        self.tata_form.setWidget(10, QFormLayout.ItemRole.LabelRole, self.label_iku)

        self.iku = QCheckBox(FormIndikator)
        self.iku.setObjectName(u"iku")

        self.tata_form.setWidget(10, QFormLayout.ItemRole.FieldRole, self.iku)

        self.label_baseline = QLabel(FormIndikator)
        self.label_baseline.setObjectName(u"label_baseline")

        self.tata_form.setWidget(11, QFormLayout.ItemRole.LabelRole, self.label_baseline)

        self.baseline = QLineEdit(FormIndikator)
        self.baseline.setObjectName(u"baseline")

        self.tata_form.setWidget(11, QFormLayout.ItemRole.FieldRole, self.baseline)

        self.label_sumber_data = QLabel(FormIndikator)
        self.label_sumber_data.setObjectName(u"label_sumber_data")

        self.tata_form.setWidget(12, QFormLayout.ItemRole.LabelRole, self.label_sumber_data)

        self.sumber_data = QLineEdit(FormIndikator)
        self.sumber_data.setObjectName(u"sumber_data")

        self.tata_form.setWidget(12, QFormLayout.ItemRole.FieldRole, self.sumber_data)


        self.tata_utama.addLayout(self.tata_form)

        self.pesan = QLabel(FormIndikator)
        self.pesan.setObjectName(u"pesan")
        self.pesan.setWordWrap(True)

        self.tata_utama.addWidget(self.pesan)

        self.pengisi = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.tata_utama.addItem(self.pengisi)

#if QT_CONFIG(shortcut)
        self.label_kode.setBuddy(self.kode)
        self.label_nama.setBuddy(self.nama)
        self.label_satuan.setBuddy(self.satuan)
        self.label_jenis.setBuddy(self.jenis)
        self.label_rumus.setBuddy(self.rumus)
        self.label_komponen_a.setBuddy(self.komponen_a)
        self.label_komponen_b.setBuddy(self.komponen_b)
        self.label_polaritas.setBuddy(self.polaritas)
        self.label_agregasi.setBuddy(self.agregasi)
        self.label_penjelasan_agregasi.setBuddy(self.penjelasan_agregasi)
        self.label_iku.setBuddy(self.iku)
        self.label_baseline.setBuddy(self.baseline)
        self.label_sumber_data.setBuddy(self.sumber_data)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FormIndikator)
    # setupUi

    def retranslateUi(self, FormIndikator):
        FormIndikator.setWindowTitle(QCoreApplication.translate("FormIndikator", u"Indikator kinerja", None))
        self.label_kode.setText(QCoreApplication.translate("FormIndikator", u"&Kode *", None))
        self.kode.setPlaceholderText(QCoreApplication.translate("FormIndikator", u"mis. IKU.1", None))
        self.label_nama.setText(QCoreApplication.translate("FormIndikator", u"&Nama *", None))
        self.label_satuan.setText(QCoreApplication.translate("FormIndikator", u"&Satuan", None))
        self.label_jenis.setText(QCoreApplication.translate("FormIndikator", u"&Jenis", None))
        self.label_rumus.setText(QCoreApplication.translate("FormIndikator", u"&Rumus", None))
        self.label_komponen_a.setText(QCoreApplication.translate("FormIndikator", u"Komponen &A", None))
        self.komponen_a.setPlaceholderText(QCoreApplication.translate("FormIndikator", u"mis. Jumlah tenaga kerja ditempatkan tahun N", None))
        self.label_komponen_b.setText(QCoreApplication.translate("FormIndikator", u"Komponen &B", None))
        self.komponen_b.setPlaceholderText(QCoreApplication.translate("FormIndikator", u"mis. Jumlah tenaga kerja ditempatkan tahun N-1", None))
        self.label_polaritas.setText(QCoreApplication.translate("FormIndikator", u"&Polaritas", None))
        self.label_agregasi.setText(QCoreApplication.translate("FormIndikator", u"A&gregasi triwulan", None))
        self.label_penjelasan_agregasi.setText("")
        self.penjelasan_agregasi.setStyleSheet(QCoreApplication.translate("FormIndikator", u"color: #555;", None))
        self.label_iku.setText(QCoreApplication.translate("FormIndikator", u"IK&U", None))
        self.iku.setText(QCoreApplication.translate("FormIndikator", u"Indikator Kinerja Utama", None))
        self.label_baseline.setText(QCoreApplication.translate("FormIndikator", u"&Baseline", None))
        self.baseline.setPlaceholderText(QCoreApplication.translate("FormIndikator", u"format Indonesia, mis. 1,28", None))
        self.label_sumber_data.setText(QCoreApplication.translate("FormIndikator", u"Sumber &data", None))
        self.pesan.setText("")
        self.pesan.setStyleSheet(QCoreApplication.translate("FormIndikator", u"color: #b3261e;", None))
    # retranslateUi
