# Dibuat otomatis oleh tools/buat_ui.py dari ui/form_pegawai.ui. Jangan diubah dengan tangan.
# -*- coding: utf-8 -*-

################################################################################
## Form generated from reading UI file 'form_pegawai.ui'
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
from PySide6.QtWidgets import (QApplication, QFormLayout, QLabel, QLineEdit,
    QSizePolicy, QSpacerItem, QVBoxLayout, QWidget)

class Ui_FormPegawai(object):
    def setupUi(self, FormPegawai):
        if not FormPegawai.objectName():
            FormPegawai.setObjectName(u"FormPegawai")
        FormPegawai.resize(520, 420)
        self.tata_utama = QVBoxLayout(FormPegawai)
        self.tata_utama.setObjectName(u"tata_utama")
        self.tata_form = QFormLayout()
        self.tata_form.setObjectName(u"tata_form")
        self.tata_form.setFieldGrowthPolicy(QFormLayout.AllNonFixedFieldsGrow)
        self.label_gelar_depan = QLabel(FormPegawai)
        self.label_gelar_depan.setObjectName(u"label_gelar_depan")

        self.tata_form.setWidget(0, QFormLayout.ItemRole.LabelRole, self.label_gelar_depan)

        self.gelar_depan = QLineEdit(FormPegawai)
        self.gelar_depan.setObjectName(u"gelar_depan")

        self.tata_form.setWidget(0, QFormLayout.ItemRole.FieldRole, self.gelar_depan)

        self.label_nama = QLabel(FormPegawai)
        self.label_nama.setObjectName(u"label_nama")

        self.tata_form.setWidget(1, QFormLayout.ItemRole.LabelRole, self.label_nama)

        self.nama = QLineEdit(FormPegawai)
        self.nama.setObjectName(u"nama")

        self.tata_form.setWidget(1, QFormLayout.ItemRole.FieldRole, self.nama)

        self.label_gelar_belakang = QLabel(FormPegawai)
        self.label_gelar_belakang.setObjectName(u"label_gelar_belakang")

        self.tata_form.setWidget(2, QFormLayout.ItemRole.LabelRole, self.label_gelar_belakang)

        self.gelar_belakang = QLineEdit(FormPegawai)
        self.gelar_belakang.setObjectName(u"gelar_belakang")

        self.tata_form.setWidget(2, QFormLayout.ItemRole.FieldRole, self.gelar_belakang)

        self.label_nip = QLabel(FormPegawai)
        self.label_nip.setObjectName(u"label_nip")

        self.tata_form.setWidget(3, QFormLayout.ItemRole.LabelRole, self.label_nip)

        self.nip = QLineEdit(FormPegawai)
        self.nip.setObjectName(u"nip")

        self.tata_form.setWidget(3, QFormLayout.ItemRole.FieldRole, self.nip)

        self.label_pangkat = QLabel(FormPegawai)
        self.label_pangkat.setObjectName(u"label_pangkat")

        self.tata_form.setWidget(4, QFormLayout.ItemRole.LabelRole, self.label_pangkat)

        self.pangkat = QLineEdit(FormPegawai)
        self.pangkat.setObjectName(u"pangkat")

        self.tata_form.setWidget(4, QFormLayout.ItemRole.FieldRole, self.pangkat)

        self.label_golongan = QLabel(FormPegawai)
        self.label_golongan.setObjectName(u"label_golongan")

        self.tata_form.setWidget(5, QFormLayout.ItemRole.LabelRole, self.label_golongan)

        self.golongan = QLineEdit(FormPegawai)
        self.golongan.setObjectName(u"golongan")

        self.tata_form.setWidget(5, QFormLayout.ItemRole.FieldRole, self.golongan)


        self.tata_utama.addLayout(self.tata_form)

        self.pesan = QLabel(FormPegawai)
        self.pesan.setObjectName(u"pesan")
        self.pesan.setWordWrap(True)

        self.tata_utama.addWidget(self.pesan)

        self.pengisi = QSpacerItem(0, 0, QSizePolicy.Policy.Minimum, QSizePolicy.Policy.Expanding)

        self.tata_utama.addItem(self.pengisi)

#if QT_CONFIG(shortcut)
        self.label_gelar_depan.setBuddy(self.gelar_depan)
        self.label_nama.setBuddy(self.nama)
        self.label_gelar_belakang.setBuddy(self.gelar_belakang)
        self.label_nip.setBuddy(self.nip)
        self.label_pangkat.setBuddy(self.pangkat)
        self.label_golongan.setBuddy(self.golongan)
#endif // QT_CONFIG(shortcut)

        self.retranslateUi(FormPegawai)
    # setupUi

    def retranslateUi(self, FormPegawai):
        FormPegawai.setWindowTitle(QCoreApplication.translate("FormPegawai", u"Pegawai", None))
        self.label_gelar_depan.setText(QCoreApplication.translate("FormPegawai", u"Gelar &depan", None))
        self.gelar_depan.setPlaceholderText(QCoreApplication.translate("FormPegawai", u"mis. Drs.", None))
        self.label_nama.setText(QCoreApplication.translate("FormPegawai", u"&Nama *", None))
        self.label_gelar_belakang.setText(QCoreApplication.translate("FormPegawai", u"Gelar &belakang", None))
        self.gelar_belakang.setPlaceholderText(QCoreApplication.translate("FormPegawai", u"mis. M.Si.", None))
        self.label_nip.setText(QCoreApplication.translate("FormPegawai", u"N&IP", None))
        self.nip.setPlaceholderText(QCoreApplication.translate("FormPegawai", u"18 angka, kosong untuk kepala daerah", None))
        self.label_pangkat.setText(QCoreApplication.translate("FormPegawai", u"&Pangkat", None))
        self.pangkat.setPlaceholderText(QCoreApplication.translate("FormPegawai", u"mis. Pembina", None))
        self.label_golongan.setText(QCoreApplication.translate("FormPegawai", u"&Golongan", None))
        self.golongan.setPlaceholderText(QCoreApplication.translate("FormPegawai", u"mis. IV/a", None))
        self.pesan.setText("")
        self.pesan.setStyleSheet(QCoreApplication.translate("FormPegawai", u"color: #b3261e;", None))
    # retranslateUi
